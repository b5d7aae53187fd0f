package ru.nso.wg.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Signatures for the process and Spring tests: one test CA per JVM, its root written into the trust store directory
 * the application reads ({@link SignatureSettings#trustStore}), one GOST 2012-256 certificate per person (by full
 * name, with a SNILS when given).
 */
public final class TestSigning {

  private static TestCa ca;
  private static final Map<String, TestCa.Party> SIGNERS = new HashMap<>();

  private TestSigning() {
  }

  public static synchronized TestCa ca() {
    if (ca == null) {
      ca = TestCa.gost("Тестовый УЦ процессных тестов", 256);
    }
    return ca;
  }

  /** The test root, written into the application's trust store directory if it is not there yet. */
  public static synchronized void trust(SignatureSettings settings) {
    Path root = settings.trustStore().resolve("test-root.cer");
    if (!Files.exists(root)) {
      try {
        ca().writeRoot(settings.trustStore(), "test-root.cer");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A certificate of the test CA for {@code fullName} (and SNILS), made once per JVM. */
  public static synchronized TestCa.Party signer(String fullName, String snils) {
    return SIGNERS.computeIfAbsent(fullName + "|" + snils, k -> ca().gostSigner(fullName, snils, 256));
  }

  /** A detached signature (DER) of {@code document} by {@code fullName}, trusted by the application. */
  public static byte[] sign(SignatureSettings settings, String fullName, String snils, byte[] document,
                            Instant signingTime) {
    trust(settings);
    return TestCa.sign(signer(fullName, snils), document, signingTime);
  }
}
