package ru.nso.wg.signature;

import java.time.Instant;
import java.util.List;

/**
 * What a verified signature says about itself.
 *
 * @param serialHex   the signer certificate's serial number, upper-case hex
 * @param owner       the owner's full name (CN, or SURNAME + GIVENNAME)
 * @param snils       the owner's SNILS from the certificate, or {@code null}
 * @param issuer      the issuing CA's name (CN, else the whole DN)
 * @param validFrom   the signer certificate's notBefore
 * @param validTo     the signer certificate's notAfter
 * @param signingTime the signed signingTime attribute
 * @param verifiedAt  when the checks ran
 * @param algorithm   «ГОСТ Р 34.10-2012 (256 бит), ГОСТ Р 34.11-2012», or the algorithm's OID otherwise
 * @param bySnils     whether the owner was matched by SNILS (else by full name)
 * @param passed      the checks passed, in order
 */
public record VerifiedSignature(String serialHex, String owner, String snils, String issuer, Instant validFrom,
                                Instant validTo, Instant signingTime, Instant verifiedAt, String algorithm,
                                boolean bySnils, List<SignatureCheck> passed) {
}
