package ru.nso.wg.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The mark of the signature on the signed minutes (ГОСТ Р 7.0.97-2016, requisite 28): «Документ подписан электронной
 * подписью», the certificate's serial number, its owner and validity; or, on the paper path, who signed on paper and
 * when (the scan's SHA-256 is in the record, {@code signature.StoredSignature}).
 *
 * @param serialHex the certificate's serial number (upper-case hex); {@code null} on paper
 * @param owner     the certificate's owner (electronic) or who signed on paper
 * @param validFrom the certificate's first day of validity (Moscow); {@code null} on paper
 * @param validTo   the certificate's last day of validity (Moscow); {@code null} on paper
 * @param signedAt  the signed signingTime (electronic) or when the signing on paper was confirmed
 * @param paper     signed on paper (the scan of the original is stored)
 */
public record SignatureMark(String serialHex, String owner, LocalDate validFrom, LocalDate validTo,
                            OffsetDateTime signedAt, boolean paper) {
}
