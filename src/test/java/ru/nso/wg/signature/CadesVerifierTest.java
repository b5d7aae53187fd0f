package ru.nso.wg.signature;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks of {@link CadesVerifier} on signatures made in the test by {@link TestCa}: the accepted cases (GOST
 * 2012-256 and -512, DER and Base64 with armour, by SNILS and by name) and one refusal per check.
 */
class CadesVerifierTest {

  static final String CHAIR = "Соколов Андрей Викторович";
  static final String SNILS = "11223344595";
  static final byte[] PDF = ("%PDF-1.7\n% протокол заседания № 1/2026\n" + "x".repeat(5000))
      .getBytes(StandardCharsets.UTF_8);

  static TestCa ca;
  static TestCa.Party chair256;
  static TestCa.Party chair512;
  static final CadesVerifier GOST_ONLY = new CadesVerifier(true);
  final Instant now = Instant.now();

  @BeforeAll
  static void makeCa() {
    ca = TestCa.gost("Тестовый УЦ", 256);
    chair256 = ca.gostSigner(CHAIR, SNILS, 256);
    chair512 = ca.gostSigner(CHAIR, SNILS, 512);
  }

  private VerifiedSignature verify(byte[] document, byte[] signature, ExpectedSigner expected) {
    return GOST_ONLY.verify(document, signature, ca.trust(), now, expected);
  }

  private static ExpectedSigner byName() {
    return new ExpectedSigner(CHAIR, null);
  }

  private static void refused(Runnable verification, SignatureCheck check, String text) {
    assertThatThrownBy(verification::run).isInstanceOfSatisfying(SignatureRefusal.class, refusal -> {
      assertThat(refusal.check()).isEqualTo(check);
      assertThat(refusal.getMessage()).startsWith("Подпись не принята. Проверка «" + check.title() + "» не пройдена")
          .contains(text);
    });
  }

  @Test
  void acceptsGost256ByNameAnd512BySnilsInBase64() {
    VerifiedSignature by256 = verify(PDF, TestCa.sign(chair256, PDF, now.minusSeconds(60)), byName());
    assertThat(by256.owner()).isEqualTo(CHAIR);
    assertThat(by256.snils()).isEqualTo(SNILS);
    assertThat(by256.bySnils()).isFalse();
    assertThat(by256.serialHex()).isEqualTo(chair256.certificate().getSerialNumber().toString(16).toUpperCase());
    assertThat(by256.algorithm()).contains("256 бит");
    assertThat(by256.issuer()).isEqualTo("Тестовый УЦ");
    assertThat(by256.passed()).containsExactly(SignatureCheck.values());

    // another spelling of the name in the roster does not matter when the SNILS is configured
    VerifiedSignature by512 = verify(PDF, TestCa.pem(TestCa.sign(chair512, PDF, now.minusSeconds(60))),
        new ExpectedSigner("СОКОЛОВ Андрей", "112-233-445 95"));
    assertThat(by512.bySnils()).isTrue();
    assertThat(by512.algorithm()).contains("512 бит");
  }

  @Test
  void anotherDocumentIsRefused() {
    byte[] other = "%PDF-1.7\nдругой документ".getBytes(StandardCharsets.UTF_8);
    refused(() -> verify(PDF, TestCa.sign(chair256, other, now), byName()), SignatureCheck.DIGEST,
        "подпись сделана для другого документа");
  }

  @Test
  void aTamperedPdfIsRefused() {
    byte[] signature = TestCa.sign(chair512, PDF, now);
    byte[] tampered = Arrays.copyOf(PDF, PDF.length);
    tampered[100] ^= 1;
    refused(() -> verify(tampered, signature, byName()), SignatureCheck.DIGEST, "изменён после подписания");
    byte[] appended = Arrays.copyOf(PDF, PDF.length + 1);
    refused(() -> verify(appended, signature, byName()), SignatureCheck.DIGEST, "хэш документа не совпадает");
  }

  @Test
  void anExpiredCertificateIsRefusedEvenWithASigningTimeInsideItsValidity() {
    TestCa.Party expired = ca.issue(CHAIR, SNILS, TestCa.gostKeys(256), TestCa.gostAlgorithm(256),
        now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(10)),
        KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    refused(() -> verify(PDF, TestCa.sign(expired, PDF, now), byName()), SignatureCheck.VALIDITY_AT_SIGNING,
        "сертификат подписанта истёк");
    // a signing time backdated into the validity period: the signer's own claim, so "now" is checked as well
    refused(() -> verify(PDF, TestCa.sign(expired, PDF, now.minus(Duration.ofDays(20))), byName()),
        SignatureCheck.VALIDITY_NOW, "на момент загрузки");
  }

  @Test
  void aSigningTimeInTheFutureIsRefused() {
    refused(() -> verify(PDF, TestCa.sign(chair256, PDF, now.plus(Duration.ofHours(2))), byName()),
        SignatureCheck.VALIDITY_AT_SIGNING, "ещё не наступило");
  }

  @Test
  void aCertificateOfAnUntrustedCaIsRefused() {
    TestCa foreign = TestCa.gost("Посторонний УЦ", 256);
    refused(() -> verify(PDF, TestCa.sign(foreign.gostSigner(CHAIR, SNILS, 256), PDF, now), byName()),
        SignatureCheck.CHAIN, "не ведёт к доверенному корневому сертификату");
    // the same name as the trusted CA, another key
    TestCa impostor = TestCa.gost("Тестовый УЦ", 256);
    refused(() -> verify(PDF, TestCa.sign(impostor.gostSigner(CHAIR, SNILS, 256), PDF, now), byName()),
        SignatureCheck.CHAIN, "выданный «Тестовый УЦ»");
  }

  @Test
  void anEmptyTrustStoreRefusesWithAMessageForTheAdministrator() {
    assertThatThrownBy(() -> GOST_ONLY.verify(PDF, TestCa.sign(chair256, PDF, now),
        new TrustMaterial(List.of(), List.of()), now, byName()))
        .isInstanceOfSatisfying(SignatureRefusal.class, refusal -> {
          assertThat(refusal.check()).isEqualTo(SignatureCheck.TRUST_STORE);
          assertThat(refusal.kind().status()).isEqualTo(409);
          assertThat(refusal.getMessage()).contains("WG_SIGNATURE_TRUST_STORE").contains("администратор");
        });
  }

  @Test
  void someoneOtherThanThePresidingPersonIsRefused() {
    TestCa.Party other = ca.gostSigner("Лебедева Ольга Николаевна", "22233344405", 256);
    refused(() -> verify(PDF, TestCa.sign(other, PDF, now), byName()), SignatureCheck.OWNER,
        "сертификат выдан «Лебедева Ольга Николаевна», а подписать протокол должен председательствующий — " + CHAIR);
    // a namesake with another SNILS: the SNILS decides
    TestCa.Party namesake = ca.gostSigner(CHAIR, "22233344405", 256);
    refused(() -> verify(PDF, TestCa.sign(namesake, PDF, now), new ExpectedSigner(CHAIR, SNILS)),
        SignatureCheck.OWNER, "СНИЛС владельца сертификата (***-***-*** 05");
  }

  @Test
  void aCorruptedSigIsRefused() {
    byte[] signature = TestCa.sign(chair256, PDF, now);
    refused(() -> verify(PDF, Arrays.copyOf(signature, signature.length / 2), byName()), SignatureCheck.FORMAT,
        "файл не является подписью CMS");
    refused(() -> verify(PDF, "это не подпись".getBytes(StandardCharsets.UTF_8), byName()), SignatureCheck.FORMAT,
        "ни в двоичном виде");
    refused(() -> verify(PDF, new byte[0], byName()), SignatureCheck.FORMAT, "файл подписи пуст");
    // one flipped byte in the signature value (its last bytes)
    byte[] flipped = Arrays.copyOf(signature, signature.length);
    flipped[flipped.length - 3] ^= 0x55;
    refused(() -> verify(PDF, flipped, byName()), SignatureCheck.SIGNATURE_VALUE, "не соответствует ключу");
  }

  @Test
  void anRsaSignatureIsRefusedWhereGostIsRequiredAndAcceptedOtherwise() {
    TestCa rsaCa = TestCa.rsa("RSA CA");
    TestCa.Party rsa = rsaCa.issue(CHAIR, null, TestCa.rsaKeys(), "SHA256WITHRSA", now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(100)), KeyUsage.digitalSignature);
    byte[] signature = TestCa.sign(rsa, PDF, now);
    assertThatThrownBy(() -> GOST_ONLY.verify(PDF, signature, rsaCa.trust(), now, byName()))
        .isInstanceOfSatisfying(SignatureRefusal.class, refusal -> {
          assertThat(refusal.check()).isEqualTo(SignatureCheck.ALGORITHM);
          assertThat(refusal.getMessage()).contains("не по ГОСТ Р 34.10-2012");
        });
    VerifiedSignature accepted = new CadesVerifier(false).verify(PDF, signature, rsaCa.trust(), now, byName());
    assertThat(accepted.algorithm()).startsWith("RSA");
  }

  @Test
  void aCertificateNotForSigningIsRefused() {
    TestCa.Party encipherOnly = ca.issue(CHAIR, SNILS, TestCa.gostKeys(256), TestCa.gostAlgorithm(256),
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)), KeyUsage.keyEncipherment);
    refused(() -> verify(PDF, TestCa.sign(encipherOnly, PDF, now), byName()), SignatureCheck.KEY_USAGE,
        "не предназначен для электронной подписи");
  }
}
