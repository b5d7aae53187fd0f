package ru.nso.wg.signature;

import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.CalendarClock;

/**
 * Verification with the configured settings: the trust store as it is now, GOST required or not, "now" the engine's
 * clock (the time of the upload in the record).
 */
@Component
public class Signatures {

  private final SignatureSettings settings;
  private final TrustStore trustStore;
  private final CalendarClock clock;

  public Signatures(SignatureSettings settings, TrustStore trustStore, CalendarClock clock) {
    this.settings = settings;
    this.trustStore = trustStore;
    this.clock = clock;
  }

  public SigningMode mode() {
    return settings.mode();
  }

  /** Every check of {@link CadesVerifier} of {@code signature} over exactly {@code document}. */
  public VerifiedSignature verify(byte[] document, byte[] signature, ExpectedSigner expected) {
    return new CadesVerifier(settings.requireGost()).verify(document, signature, trustStore.load(), clock.now(),
        expected);
  }
}
