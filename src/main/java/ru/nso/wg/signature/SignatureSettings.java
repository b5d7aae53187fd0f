package ru.nso.wg.signature;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The signature settings (README, "Configuration"): {@code wg.signing.mode} ({@code electronic} or {@code paper}),
 * {@code wg.signature.trust-store} (a directory of the trusted CA certificates) and
 * {@code wg.signature.require-gost} (refuse anything but GOST R 34.10-2012).
 */
@Component
public class SignatureSettings {

  private final SigningMode mode;
  private final Path trustStore;
  private final boolean requireGost;

  public SignatureSettings(@Value("${wg.signing.mode:electronic}") String mode,
                           @Value("${wg.signature.trust-store:./data/trust-store}") String trustStore,
                           @Value("${wg.signature.require-gost:true}") boolean requireGost) {
    try {
      this.mode = SigningMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("wg.signing.mode (WG_SIGNING_MODE) must be electronic or paper, not '" + mode
          + "'", e);
    }
    this.trustStore = Path.of(trustStore);
    this.requireGost = requireGost;
  }

  public SigningMode mode() {
    return mode;
  }

  public Path trustStore() {
    return trustStore;
  }

  public boolean requireGost() {
    return requireGost;
  }
}
