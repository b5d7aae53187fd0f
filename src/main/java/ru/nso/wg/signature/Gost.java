package ru.nso.wg.signature;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Security;
import java.util.Map;
import java.util.Set;

/**
 * BouncyCastle, registered once per JVM, and the GOST R 34.10/34.11-2012 object identifiers the checks use
 * (README, "Signing the minutes").
 */
public final class Gost {

  /** The JCA provider name every signature operation names. */
  public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

  /** Public key GOST R 34.10-2012 256 bit. */
  public static final String KEY_256 = "1.2.643.7.1.1.1.1";
  /** Public key GOST R 34.10-2012 512 bit. */
  public static final String KEY_512 = "1.2.643.7.1.1.1.2";
  /** Digest GOST R 34.11-2012 256 bit (Streebog-256). */
  public static final String DIGEST_256 = "1.2.643.7.1.1.2.2";
  /** Digest GOST R 34.11-2012 512 bit (Streebog-512). */
  public static final String DIGEST_512 = "1.2.643.7.1.1.2.3";
  /** Signature GOST R 34.10-2012 with GOST R 34.11-2012, 256 bit. */
  public static final String SIGNATURE_256 = "1.2.643.7.1.1.3.2";
  /** Signature GOST R 34.10-2012 with GOST R 34.11-2012, 512 bit. */
  public static final String SIGNATURE_512 = "1.2.643.7.1.1.3.3";
  /** The SNILS subject attribute (NumericString, 11 digits). */
  public static final String SNILS = "1.2.643.100.3";

  /** For each GOST 2012 key OID: the digest OID that goes with it and the signature OIDs a SignerInfo may name. */
  static final Map<String, String> DIGEST_OF_KEY = Map.of(KEY_256, DIGEST_256, KEY_512, DIGEST_512);
  static final Map<String, Set<String>> SIGNATURE_OIDS_OF_KEY = Map.of(
      KEY_256, Set.of(KEY_256, SIGNATURE_256), KEY_512, Set.of(KEY_512, SIGNATURE_512));

  static {
    if (Security.getProvider(PROVIDER) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private Gost() {
  }

  /** Makes sure BouncyCastle is registered (the class's static initialiser does it once). */
  public static void register() {
    // the static initialiser has run by now
  }

  /** The Russian name of a GOST key's algorithm, or {@code null} when it is not GOST 2012. */
  static String name(String keyOid) {
    if (KEY_256.equals(keyOid)) {
      return "ГОСТ Р 34.10-2012 (256 бит), хэш ГОСТ Р 34.11-2012 (256 бит)";
    }
    if (KEY_512.equals(keyOid)) {
      return "ГОСТ Р 34.10-2012 (512 бит), хэш ГОСТ Р 34.11-2012 (512 бит)";
    }
    return null;
  }
}
