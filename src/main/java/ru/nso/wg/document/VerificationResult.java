package ru.nso.wg.document;

/**
 * The result of re-computing the hash of a stored document.
 *
 * @param meetingKey   the meeting
 * @param documentId   the document checked
 * @param storedSha256 the hash recorded when it was stored/signed
 * @param actualSha256 the hash of the bytes stored now
 */
public record VerificationResult(String meetingKey, long documentId, String storedSha256, String actualSha256) {

  public boolean intact() {
    return storedSha256.equalsIgnoreCase(actualSha256);
  }

  /** A Russian sentence for people. */
  public String message() {
    return intact()
        ? "Подписанный протокол заседания " + meetingKey + " не изменялся (SHA-256 " + storedSha256 + ")"
        : "Подписанный протокол заседания " + meetingKey + " изменён после подписания: SHA-256 при подписании "
            + storedSha256 + ", сейчас " + actualSha256;
  }
}
