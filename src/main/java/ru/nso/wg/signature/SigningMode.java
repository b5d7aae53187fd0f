package ru.nso.wg.signature;

/** How the presiding person signs the minutes (setting {@code wg.signing.mode}). */
public enum SigningMode {
  /** A detached CAdES signature uploaded and verified (qualified electronic signature, 63-ФЗ). */
  ELECTRONIC,
  /** Signed on paper; the secretariat uploads the scan of the signed original (PDF). */
  PAPER
}
