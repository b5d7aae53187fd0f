package ru.nso.wg.signature;

/**
 * Who must have signed: the SNILS configured for the user (11 digits), when there is one, else the full name of the
 * roster («Фамилия Имя Отчество»).
 */
public record ExpectedSigner(String fullName, String snils) {

  /** Whether the match is by SNILS (preferred: unique to the person, never shared by namesakes). */
  public boolean bySnils() {
    return snils != null && !snils.isBlank();
  }
}
