package ru.nso.wg.signature;

import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchProviderException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The administrator's trust store: every {@code .cer}, {@code .crt} and {@code .pem} file (DER or PEM, several
 * certificates per file allowed) in the directory {@code wg.signature.trust-store}. Self-signed certificates are the
 * roots; the others may complete a chain. Read at every verification, so certificates added or removed count at
 * once on every node that sees the directory. A missing or empty directory gives no roots, and the verification
 * refuses with a message for the administrator; a file that is not a certificate refuses naming the file.
 */
@Component
public class TrustStore {

  private final SignatureSettings settings;

  public TrustStore(SignatureSettings settings) {
    this.settings = settings;
  }

  public TrustMaterial load() {
    return load(settings.trustStore());
  }

  static TrustMaterial load(Path directory) {
    Gost.register();
    List<X509Certificate> roots = new ArrayList<>();
    List<X509Certificate> intermediates = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return new TrustMaterial(roots, intermediates);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(Files::isRegularFile).filter(TrustStore::certificateFile).sorted().toList();
    } catch (IOException e) {
      throw new SignatureRefusal(SignatureCheck.TRUST_STORE, "каталог доверенных сертификатов не читается ("
          + directory.getFileName() + ") — обратитесь к администратору");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509", Gost.PROVIDER);
      for (Path file : files) {
        Collection<? extends Certificate> certificates;
        try {
          certificates = factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (CertificateException | IOException | RuntimeException e) {
          certificates = List.of();
        }
        if (certificates.isEmpty()) {
          throw new SignatureRefusal(SignatureCheck.TRUST_STORE, "файл «" + file.getFileName() + "» в каталоге "
              + "доверенных сертификатов не является сертификатом X.509 — обратитесь к администратору");
        }
        for (Certificate certificate : certificates) {
          X509Certificate x509 = (X509Certificate) certificate;
          (selfSigned(x509) ? roots : intermediates).add(x509);
        }
      }
    } catch (CertificateException | NoSuchProviderException e) {
      throw new IllegalStateException(e);
    }
    return new TrustMaterial(roots, intermediates);
  }

  private static boolean certificateFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".cer") || name.endsWith(".crt") || name.endsWith(".pem");
  }

  private static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey(), Gost.PROVIDER);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
