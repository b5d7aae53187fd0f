package ru.nso.wg.signature;

/**
 * The checks of a detached CAdES-BES signature, in the order {@link CadesVerifier} runs them; each has the Russian
 * name a refusal starts with («Проверка «…» не пройдена: …»).
 */
public enum SignatureCheck {
  /** The file is a CMS SignedData structure at all (DER or Base64/PEM). */
  FORMAT("формат файла подписи"),
  /** Detached (no document inside), exactly one signer, the signer's certificate inside, a signing time. */
  STRUCTURE("состав подписи"),
  /** GOST R 34.10-2012 (256/512) with the GOST R 34.11-2012 digest when the setting requires GOST. */
  ALGORITHM("алгоритм подписи"),
  /** The message digest signed is the digest of exactly the document's bytes. */
  DIGEST("подписан именно этот документ"),
  /** The signature value over the signed attributes verifies with the certificate's key. */
  SIGNATURE_VALUE("значение подписи"),
  /** The signed signingCertificateV2 attribute names the certificate that is inside. */
  SIGNING_CERTIFICATE("сертификат подписанта"),
  /** Every certificate of the chain was valid at the signed signing time. */
  VALIDITY_AT_SIGNING("срок действия сертификата на момент подписания"),
  /** Every certificate of the chain is valid now (at upload). */
  VALIDITY_NOW("срок действия сертификата на момент загрузки"),
  /** The certificate allows signing (key usage digitalSignature and/or nonRepudiation). */
  KEY_USAGE("назначение ключа"),
  /** The administrator's trust store has certificates to build the chain on. */
  TRUST_STORE("хранилище доверенных сертификатов"),
  /** The chain leads up to a trusted root of the trust store. */
  CHAIN("цепочка сертификатов до доверенного удостоверяющего центра"),
  /** The certificate's owner is the person who must sign (by SNILS, else by full name). */
  OWNER("владелец сертификата");

  private final String title;

  SignatureCheck(String title) {
    this.title = title;
  }

  /** The Russian name of the check. */
  public String title() {
    return title;
  }
}
