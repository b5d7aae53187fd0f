package ru.nso.wg.signature;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNumericString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.spec.ECNamedCurveGenParameterSpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * A certification authority made up for tests, with BouncyCastle: a root (GOST R 34.10-2012 256 or 512, or RSA),
 * signers with GOST or RSA keys, a SNILS and a validity of the test's choosing, and detached CAdES-BES signatures as
 * CryptoPro makes them (contentType, messageDigest, signingTime, signingCertificateV2 with the GOST digest).
 *
 * <p>Also a command for the browser tests (docs/e2e.md): {@code java -cp <test-classes>:<bcprov>:<bcpkix>:<bcutil>
 * ru.nso.wg.signature.TestCa <trust-store-dir> <document> <out.sig> "<Фамилия Имя Отчество>" [snils]} writes a
 * new test root into the trust store directory, issues a GOST 2012-256 certificate to the person and writes the
 * Base64 detached signature of the document.
 */
public final class TestCa {

  static {
    Gost.register();
  }

  /** A key and its certificate. */
  public record Party(KeyPair keys, X509Certificate certificate, String algorithm) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Party root;
  private final X500Name name;

  private TestCa(Party root, X500Name name) {
    this.root = root;
    this.name = name;
  }

  /** A root CA named {@code commonName} with a GOST key of {@code bits} (256 or 512). */
  public static TestCa gost(String commonName, int bits) {
    return create(commonName, gostKeys(bits), gostAlgorithm(bits));
  }

  /** A root CA with an RSA key. */
  public static TestCa rsa(String commonName) {
    return create(commonName, rsaKeys(), "SHA256WITHRSA");
  }

  private static TestCa create(String commonName, KeyPair keys, String algorithm) {
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "RU")
        .addRDN(BCStyle.O, "Тестовый удостоверяющий центр").addRDN(BCStyle.CN, commonName).build();
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
          Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))), name,
          keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Gost.PROVIDER).getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Gost.PROVIDER).build(keys.getPrivate())));
      return new TestCa(new Party(keys, certificate, algorithm), name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate certificate() {
    return root.certificate();
  }

  /** A GOST signer valid from a year ago for two years, for signing. */
  public Party gostSigner(String fullName, String snils, int bits) {
    Instant now = Instant.now();
    return issue(fullName, snils, gostKeys(bits), gostAlgorithm(bits), now.minus(Duration.ofDays(365)),
        now.plus(Duration.ofDays(730)), KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
  }

  /** A signer with the given key, validity and key usage bits. */
  public Party issue(String fullName, String snils, KeyPair keys, String signerAlgorithm, Instant notBefore,
                     Instant notAfter, int keyUsage) {
    String[] parts = fullName.split(" ", 2);
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "RU")
        .addRDN(BCStyle.SURNAME, parts[0]).addRDN(BCStyle.GIVENNAME, parts.length > 1 ? parts[1] : "")
        .addRDN(BCStyle.CN, fullName);
    if (snils != null) {
      subject.addRDN(new ASN1ObjectIdentifier(Gost.SNILS), new DERNumericString(snils));
    }
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
          Date.from(notAfter), subject.build(), keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(root.certificate()));
      X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Gost.PROVIDER).getCertificate(
          builder.build(new JcaContentSignerBuilder(root.algorithm()).setProvider(Gost.PROVIDER)
              .build(root.keys().getPrivate())));
      return new Party(keys, certificate, signerAlgorithm);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A detached CAdES-BES signature (DER) of {@code data} by {@code signer}, signed at {@code signingTime}. */
  public static byte[] sign(Party signer, byte[] data, Instant signingTime) {
    try {
      X509Certificate certificate = signer.certificate();
      boolean gost = signer.algorithm().contains("GOST");
      String hashOid = signer.algorithm().contains("512") ? Gost.DIGEST_512
          : gost ? Gost.DIGEST_256 : "2.16.840.1.101.3.4.2.1";
      byte[] hash = MessageDigest.getInstance(hashOid, Gost.PROVIDER).digest(certificate.getEncoded());
      ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(new ASN1ObjectIdentifier(hashOid)), hash,
          new IssuerSerial(new GeneralNames(new GeneralName(X500Name.getInstance(
              certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber()));
      AttributeTable attributes = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))))
          .add(CMSAttributes.signingTime, new Time(Date.from(signingTime)));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().setProvider(Gost.PROVIDER).build())
          .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
          .build(new JcaContentSignerBuilder(signer.algorithm()).setProvider(Gost.PROVIDER)
              .build(signer.keys().getPrivate()), certificate));
      generator.addCertificate(new JcaX509CertificateHolder(certificate));
      return generator.generate(new CMSProcessableByteArray(data), false).getEncoded("DER");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64 with line breaks and PEM armour, as some signing tools save it. */
  public static byte[] pem(byte[] der) {
    return ("-----BEGIN CMS-----\r\n" + Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\r\n-----END CMS-----\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The trust material of this root alone. */
  public TrustMaterial trust() {
    return new TrustMaterial(List.of(root.certificate()), List.of());
  }

  /** Writes the root as a PEM {@code .cer} file into {@code directory}. */
  public Path writeRoot(Path directory, String fileName) throws Exception {
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName);
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
        StandardCharsets.US_ASCII)).encodeToString(root.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    return file;
  }

  public static KeyPair gostKeys(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("ECGOST3410-2012", Gost.PROVIDER);
      generator.initialize(new ECNamedCurveGenParameterSpec(bits == 512 ? "Tc26-Gost-3410-12-512-paramSetA"
          : "Tc26-Gost-3410-12-256-paramSetA"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Gost.PROVIDER);
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String gostAlgorithm(int bits) {
    return bits == 512 ? "GOST3411-2012-512WITHECGOST3410-2012-512" : "GOST3411-2012-256WITHECGOST3410-2012-256";
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }

  /**
   * For the browser tests: {@code <trust-store-dir> <document> <out.sig> "<Фамилия Имя Отчество>" [snils]}.
   * Writes a new test root into the trust store directory and the Base64 signature of the document.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: TestCa <trust-store-dir> <document> <out.sig> <full name> [snils]");
      System.exit(2);
    }
    TestCa ca = gost("Тестовый УЦ " + Long.toHexString(RANDOM.nextLong()), 256);
    ca.writeRoot(Path.of(args[0]), "test-root-" + ca.certificate().getSerialNumber().toString(16) + ".cer");
    Party signer = ca.gostSigner(args[3], args.length > 4 ? args[4] : null, 256);
    byte[] signature = sign(signer, Files.readAllBytes(Path.of(args[1])), Instant.now());
    Files.write(Path.of(args[2]), pem(signature));
  }
}
