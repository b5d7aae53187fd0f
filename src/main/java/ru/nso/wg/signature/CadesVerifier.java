package ru.nso.wg.signature;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.cert.CertPathBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a detached CAdES-BES signature (CMS SignedData, DER or Base64 with or without PEM armour) over given bytes
 * with BouncyCastle. Plain Java: no Spring, no engine. Each check fails with a {@link SignatureRefusal} naming it
 * ({@link SignatureCheck}); nothing is trusted that the checks before did not establish.
 *
 * <p>Policy: the signing time is the signer's own claim (CAdES-BES has no timestamp), so every certificate of the
 * chain must be valid both at the signed signingTime and now, at upload; a signing time in the future is refused.
 * Revocation (CRL/OCSP) is not checked.
 */
public final class CadesVerifier {

  /** How far a signing time may lie ahead of the server's clock (clocks of signing workstations drift). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT)
      .withZone(MOSCOW);
  private static final Set<String> GOST_DIGESTS = Set.of(Gost.DIGEST_256, Gost.DIGEST_512);

  static {
    Gost.register();
  }

  private final boolean requireGost;

  /** @param requireGost refuse any signature that is not GOST R 34.10-2012 with GOST R 34.11-2012 */
  public CadesVerifier(boolean requireGost) {
    this.requireGost = requireGost;
  }

  /**
   * Runs every check.
   *
   * @param document  exactly the bytes that must have been signed
   * @param signature the {@code .sig} file as uploaded
   * @param trust     the administrator's trust store
   * @param now       the time of the upload
   * @param expected  who must have signed
   * @throws SignatureRefusal naming the first check that failed
   */
  public VerifiedSignature verify(byte[] document, byte[] signature, TrustMaterial trust, Instant now,
                                  ExpectedSigner expected) {
    List<SignatureCheck> passed = new ArrayList<>();
    CMSSignedData signed = parse(document, signature);
    passed.add(SignatureCheck.FORMAT);

    SignerInformation signer = onlySigner(signed);
    X509Certificate certificate = signerCertificate(signed, signer);
    Instant signingTime = signingTime(signer);
    passed.add(SignatureCheck.STRUCTURE);

    String algorithm = algorithm(signer, certificate);
    passed.add(SignatureCheck.ALGORITHM);

    verifyValue(signer, certificate);
    passed.add(SignatureCheck.DIGEST);
    passed.add(SignatureCheck.SIGNATURE_VALUE);

    checkSigningCertificateAttribute(signer, certificate);
    passed.add(SignatureCheck.SIGNING_CERTIFICATE);

    if (signingTime.isAfter(now.plus(CLOCK_SKEW))) {
      throw new SignatureRefusal(SignatureCheck.VALIDITY_AT_SIGNING, "время подписания " + shown(signingTime)
          + " (МСК) ещё не наступило");
    }
    List<X509Certificate> chain = chain(certificate, signed, trust, now);
    checkValidity(chain, signingTime, SignatureCheck.VALIDITY_AT_SIGNING, "на момент подписания " + shown(signingTime)
        + " (МСК)");
    passed.add(SignatureCheck.VALIDITY_AT_SIGNING);
    checkValidity(chain, now, SignatureCheck.VALIDITY_NOW, "на момент загрузки " + shown(now) + " (МСК)");
    passed.add(SignatureCheck.VALIDITY_NOW);

    checkKeyUsage(certificate);
    passed.add(SignatureCheck.KEY_USAGE);

    validatePath(certificate, signed, trust, now, signingTime);
    passed.add(SignatureCheck.TRUST_STORE);
    passed.add(SignatureCheck.CHAIN);

    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    String owner = ownerName(subject);
    String snils = attribute(subject, new ASN1ObjectIdentifier(Gost.SNILS));
    checkOwner(expected, owner, ownerNames(subject), snils);
    passed.add(SignatureCheck.OWNER);

    X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    String issuerName = attribute(issuer, BCStyle.CN);
    return new VerifiedSignature(certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), owner, snils,
        issuerName == null ? issuer.toString() : issuerName, certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(), signingTime, now, algorithm, expected.bySnils(), List.copyOf(passed));
  }

  /** DER as it is; otherwise Base64 (line breaks and PEM armour allowed). */
  static byte[] decode(byte[] file) {
    if (file == null || file.length == 0) {
      throw new SignatureRefusal(SignatureCheck.FORMAT, "файл подписи пуст");
    }
    if ((file[0] & 0xFF) == 0x30) {
      return file;
    }
    String text = new String(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z0-9 ]+-----", "")
        .replaceAll("\\s+", "");
    try {
      byte[] der = Base64.getDecoder().decode(text);
      if (der.length == 0 || (der[0] & 0xFF) != 0x30) {
        throw new IllegalArgumentException("not DER");
      }
      return der;
    } catch (IllegalArgumentException e) {
      throw new SignatureRefusal(SignatureCheck.FORMAT, "файл не является подписью CMS (CAdES) — ни в двоичном виде "
          + "(DER), ни в кодировке Base64; возможно, он повреждён или выбран не тот файл");
    }
  }

  private static CMSSignedData parse(byte[] document, byte[] file) {
    byte[] der = decode(file);
    try {
      CMSSignedData probe = new CMSSignedData(der);
      if (probe.getSignedContent() != null) {
        throw new SignatureRefusal(SignatureCheck.STRUCTURE, "подпись присоединённая (содержит документ), а нужна "
            + "открепленная подпись (.sig) к файлу протокола");
      }
      return new CMSSignedData(new CMSProcessableByteArray(document), der);
    } catch (CMSException | RuntimeException e) {
      if (e instanceof SignatureRefusal refusal) {
        throw refusal;
      }
      throw new SignatureRefusal(SignatureCheck.FORMAT, "файл не является подписью CMS (CAdES): возможно, он "
          + "повреждён или выбран не тот файл");
    }
  }

  private static SignerInformation onlySigner(CMSSignedData signed) {
    Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new SignatureRefusal(SignatureCheck.STRUCTURE, "в файле " + signers.size()
          + " подписей, а должна быть ровно одна — подпись председательствующего");
    }
    return signers.iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static X509Certificate signerCertificate(CMSSignedData signed, SignerInformation signer) {
    Store<X509CertificateHolder> store = signed.getCertificates();
    Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
    if (matches.isEmpty()) {
      throw new SignatureRefusal(SignatureCheck.STRUCTURE, "в подписи нет сертификата подписанта: при создании "
          + "подписи включите в неё сертификат");
    }
    try {
      return new JcaX509CertificateConverter().setProvider(Gost.PROVIDER).getCertificate(matches.iterator().next());
    } catch (CertificateException e) {
      throw new SignatureRefusal(SignatureCheck.STRUCTURE, "сертификат подписанта повреждён");
    }
  }

  private static Instant signingTime(SignerInformation signer) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (time == null || time.getAttrValues().size() != 1) {
      throw new SignatureRefusal(SignatureCheck.STRUCTURE, "в подписи нет подписанного времени подписания "
          + "(signingTime), обязательного для CAdES-BES");
    }
    try {
      return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      throw new SignatureRefusal(SignatureCheck.STRUCTURE, "время подписания (signingTime) записано неверно");
    }
  }

  private String algorithm(SignerInformation signer, X509Certificate certificate) {
    String keyOid = keyOid(certificate);
    String digestOid = signer.getDigestAlgOID();
    String signatureOid = signer.getEncryptionAlgOID();
    String gost = Gost.name(keyOid);
    if (gost != null) {
      boolean consistent = Gost.DIGEST_OF_KEY.get(keyOid).equals(digestOid)
          && Gost.SIGNATURE_OIDS_OF_KEY.get(keyOid).contains(signatureOid);
      if (!consistent) {
        throw new SignatureRefusal(SignatureCheck.ALGORITHM, "ключ ГОСТ Р 34.10-2012 использован с алгоритмом "
            + "хэширования " + digestOid + " и подписи " + signatureOid
            + ", а нужна хэш-функция ГОСТ Р 34.11-2012 той же длины");
      }
      return gost;
    }
    if (requireGost) {
      throw new SignatureRefusal(SignatureCheck.ALGORITHM, "подпись сделана не по ГОСТ Р 34.10-2012 (ключ "
          + certificate.getPublicKey().getAlgorithm() + ", OID " + keyOid + "): принимается только квалифицированная "
          + "подпись по ГОСТ Р 34.10-2012 с хэш-функцией ГОСТ Р 34.11-2012");
    }
    if (GOST_DIGESTS.contains(digestOid)) {
      throw new SignatureRefusal(SignatureCheck.ALGORITHM, "хэш-функция ГОСТ Р 34.11-2012 с ключом, который не "
          + "является ключом ГОСТ Р 34.10-2012");
    }
    return certificate.getPublicKey().getAlgorithm() + " (" + signatureOid + "), хэш " + digestOid;
  }

  private static String keyOid(X509Certificate certificate) {
    try {
      return holder(certificate).getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
    } catch (RuntimeException e) {
      throw new SignatureRefusal(SignatureCheck.ALGORITHM, "не удалось прочитать ключ сертификата");
    }
  }

  private static X509CertificateHolder holder(X509Certificate certificate) {
    try {
      return new X509CertificateHolder(certificate.getEncoded());
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void verifyValue(SignerInformation signer, X509Certificate certificate) {
    boolean valid;
    try {
      // built from the key, not the certificate: the validity of the certificate is a check of its own below
      valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Gost.PROVIDER)
          .build(certificate.getPublicKey()));
    } catch (CMSSignerDigestMismatchException e) {
      throw new SignatureRefusal(SignatureCheck.DIGEST, "подпись сделана для другого документа или документ изменён "
          + "после подписания (хэш документа не совпадает с подписанным)");
    } catch (CMSException | OperatorCreationException | RuntimeException e) {
      throw new SignatureRefusal(SignatureCheck.SIGNATURE_VALUE, "значение подписи не удалось проверить ключом "
          + "сертификата (" + e.getClass().getSimpleName() + ")");
    }
    if (!valid) {
      throw new SignatureRefusal(SignatureCheck.SIGNATURE_VALUE, "значение подписи не соответствует ключу "
          + "сертификата: подпись или её подписанные атрибуты изменены");
    }
  }

  /** CAdES-BES binds the certificate by its hash in a signed attribute; BouncyCastle does not check it itself. */
  private static void checkSigningCertificateAttribute(SignerInformation signer, X509Certificate certificate) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute v2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    Attribute v1 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
    try {
      byte[] encoded = certificate.getEncoded();
      if (v2 != null) {
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts();
        ESSCertIDv2 first = ids[0];
        String hashOid = first.getHashAlgorithm().getAlgorithm().getId();
        byte[] hash = MessageDigest.getInstance(hashOid, Gost.PROVIDER).digest(encoded);
        if (!Arrays.equals(hash, first.getCertHash())) {
          throw new SignatureRefusal(SignatureCheck.SIGNING_CERTIFICATE, "подписанный атрибут signingCertificateV2 "
              + "указывает на другой сертификат, чем приложенный к подписи");
        }
        return;
      }
      if (v1 != null) {
        ESSCertID first = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
        byte[] hash = MessageDigest.getInstance("SHA-1").digest(encoded);
        if (!Arrays.equals(hash, first.getCertHash())) {
          throw new SignatureRefusal(SignatureCheck.SIGNING_CERTIFICATE, "подписанный атрибут signingCertificate "
              + "указывает на другой сертификат, чем приложенный к подписи");
        }
        return;
      }
    } catch (SignatureRefusal refusal) {
      throw refusal;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SignatureRefusal(SignatureCheck.SIGNING_CERTIFICATE, "атрибут signingCertificateV2 не удалось "
          + "прочитать");
    }
    throw new SignatureRefusal(SignatureCheck.SIGNING_CERTIFICATE, "в подписи нет подписанного атрибута "
        + "signingCertificateV2 (обязателен для CAdES-BES)");
  }

  /** The signer's certificate and the path above it as far as the trust store and the signature's certificates go. */
  private static List<X509Certificate> chain(X509Certificate certificate, CMSSignedData signed, TrustMaterial trust,
                                             Instant now) {
    List<X509Certificate> pool = new ArrayList<>(trust.roots());
    pool.addAll(trust.intermediates());
    pool.addAll(embedded(signed));
    List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
    X509Certificate current = certificate;
    while (chain.size() < 10 && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
      X509Certificate child = current;
      X509Certificate parent = pool.stream()
          .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()) && !chain.contains(c))
          .filter(c -> signedBy(child, c)).findFirst().orElse(null);
      if (parent == null) {
        break;
      }
      chain.add(parent);
      current = parent;
    }
    return chain;
  }

  private static boolean signedBy(X509Certificate child, X509Certificate parent) {
    try {
      child.verify(parent.getPublicKey(), Gost.PROVIDER);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static List<X509Certificate> embedded(CMSSignedData signed) {
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Gost.PROVIDER);
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object holder : signed.getCertificates().getMatches(null)) {
      try {
        certificates.add(converter.getCertificate((X509CertificateHolder) holder));
      } catch (CertificateException e) {
        // an unreadable extra certificate cannot be part of a path; the signer's own was read before
      }
    }
    return certificates;
  }

  private static void checkValidity(List<X509Certificate> chain, Instant at, SignatureCheck check, String when) {
    for (X509Certificate certificate : chain) {
      String whose = certificate == chain.get(0) ? "сертификат подписанта" : "сертификат удостоверяющего центра «"
          + name(certificate) + "»";
      try {
        certificate.checkValidity(Date.from(at));
      } catch (CertificateExpiredException e) {
        throw new SignatureRefusal(check, whose + " истёк " + shown(certificate.getNotAfter().toInstant())
            + " (МСК) — " + when);
      } catch (CertificateNotYetValidException e) {
        throw new SignatureRefusal(check, whose + " действует только с " + shown(certificate.getNotBefore()
            .toInstant()) + " (МСК) — " + when);
      }
    }
  }

  private static void checkKeyUsage(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    // KeyUsage bits: 0 digitalSignature, 1 nonRepudiation (contentCommitment)
    if (usage == null || !(usage[0] || usage.length > 1 && usage[1])) {
      throw new SignatureRefusal(SignatureCheck.KEY_USAGE, "сертификат не предназначен для электронной подписи "
          + "(в расширении keyUsage нет digitalSignature или nonRepudiation)");
    }
  }

  private static void validatePath(X509Certificate certificate, CMSSignedData signed, TrustMaterial trust,
                                   Instant now, Instant signingTime) {
    if (trust.roots().isEmpty()) {
      throw new SignatureRefusal(SignatureCheck.TRUST_STORE, "администратор не настроил доверенные корневые "
          + "сертификаты удостоверяющих центров (каталог wg.signature.trust-store, переменная "
          + "WG_SIGNATURE_TRUST_STORE пуст или не существует) — обратитесь к администратору");
    }
    Set<TrustAnchor> anchors = trust.roots().stream().map(root -> new TrustAnchor(root, null))
        .collect(Collectors.toSet());
    List<X509Certificate> others = new ArrayList<>(trust.intermediates());
    others.addAll(embedded(signed));
    others.add(certificate);
    for (Instant at : List.of(now, signingTime)) {
      try {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificate);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(others),
            Gost.PROVIDER));
        // BouncyCastle's PKIX builder validates the path it builds (signatures, validity at the date, CA flags)
        CertPathBuilder.getInstance("PKIX", Gost.PROVIDER).build(parameters);
      } catch (GeneralSecurityException e) {
        throw new SignatureRefusal(SignatureCheck.CHAIN, "сертификат «" + name(certificate) + "», выданный «"
            + issuerName(certificate) + "», не ведёт к доверенному корневому сертификату (удостоверяющий центр не "
            + "аккредитован или его сертификат не добавлен администратором)" + reason(e));
      }
    }
  }

  private static String reason(GeneralSecurityException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause instanceof CertPathValidatorException && cause.getMessage() != null
        && cause.getMessage().contains("validation failed")
        ? "; подпись сертификата не проверяется ключом доверенного центра с тем же именем" : "";
  }

  private static void checkOwner(ExpectedSigner expected, String owner, List<String> names, String snils) {
    if (expected.bySnils()) {
      String wanted = expected.snils().replaceAll("\\D", "");
      if (snils == null || !wanted.equals(snils.replaceAll("\\D", ""))) {
        throw new SignatureRefusal(SignatureCheck.OWNER, "СНИЛС владельца сертификата (" + (snils == null ? "не указан"
            : masked(snils)) + ", " + owner + ") не совпадает со СНИЛС председательствующего " + expected.fullName());
      }
      return;
    }
    String wanted = normal(expected.fullName());
    if (names.stream().noneMatch(name -> normal(name).equals(wanted))) {
      throw new SignatureRefusal(SignatureCheck.OWNER, "сертификат выдан «" + owner + "», а подписать протокол должен "
          + "председательствующий — " + expected.fullName());
    }
  }

  /** «***-***-*** 01»: a SNILS in a message shows only its check digits. */
  private static String masked(String snils) {
    String digits = snils.replaceAll("\\D", "");
    return "***-***-*** " + (digits.length() >= 2 ? digits.substring(digits.length() - 2) : "");
  }

  /** Every way the certificate names its owner: SURNAME + GIVENNAME, CN. */
  static List<String> ownerNames(X500Name subject) {
    List<String> names = new ArrayList<>();
    String surname = attribute(subject, BCStyle.SURNAME);
    String given = attribute(subject, BCStyle.GIVENNAME);
    if (surname != null && given != null) {
      names.add(surname + " " + given);
    }
    String cn = attribute(subject, BCStyle.CN);
    if (cn != null) {
      names.add(cn);
    }
    return names;
  }

  /** The owner's full name as shown: SURNAME + GIVENNAME when both are there, else CN. */
  static String ownerName(X500Name subject) {
    String surname = attribute(subject, BCStyle.SURNAME);
    String given = attribute(subject, BCStyle.GIVENNAME);
    if (surname != null && given != null) {
      return (surname.trim() + " " + given.trim()).replaceAll("\\s+", " ");
    }
    String cn = attribute(subject, BCStyle.CN);
    return cn == null ? subject.toString() : cn.trim().replaceAll("\\s+", " ");
  }

  /** Case, «ё» and spacing do not distinguish names. */
  static String normal(String name) {
    return name.toLowerCase(new Locale("ru")).replace('ё', 'е').replaceAll("\\s+", " ").trim();
  }

  private static String attribute(X500Name name, ASN1ObjectIdentifier oid) {
    RDN[] rdns = name.getRDNs(oid);
    if (rdns.length == 0) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : value.toString();
  }

  private static String name(X509Certificate certificate) {
    String cn = attribute(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), BCStyle.CN);
    return cn == null ? certificate.getSubjectX500Principal().getName() : cn;
  }

  private static String issuerName(X509Certificate certificate) {
    String cn = attribute(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()), BCStyle.CN);
    return cn == null ? certificate.getIssuerX500Principal().getName() : cn;
  }

  private static String shown(Instant instant) {
    return SHOWN.format(instant);
  }

}
