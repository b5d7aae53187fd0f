package ru.nso.wg.signature;

import java.time.Instant;

/**
 * One uploaded signature of the minutes (table {@code wg_minutes_signature}): a verified detached CAdES signature, or
 * the scan of the original signed on paper.
 *
 * @param documentId       the stored document it signs ({@code wg_document.id})
 * @param documentSha256   that document's SHA-256 when the signature was uploaded
 * @param sha256           SHA-256 of {@code content} (the {@code .sig} or the scan)
 * @param serialHex        electronic: the certificate's serial number (hex), else {@code null}
 * @param ownerMatch       electronic: {@code SNILS} or {@code NAME}, how the owner was matched
 * @param signingTime      electronic: the signed signingTime
 * @param uploadedAt       when it was uploaded and (electronic) verified
 * @param signedDocumentId the signed minutes it became part of, {@code null} until the signing task accepted it
 */
public record StoredSignature(long id, String meetingKey, SigningMode method, long documentId, String documentSha256,
                              String fileName, String contentType, byte[] content, String sha256, String serialHex,
                              String owner, String snils, String issuer, Instant validFrom, Instant validTo,
                              String algorithm, String ownerMatch, Instant signingTime, String uploadedBy,
                              Instant uploadedAt, Long signedDocumentId, String acceptedBy, Instant acceptedAt) {

  public boolean accepted() {
    return signedDocumentId != null;
  }
}
