package ru.nso.wg.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The mark of the signature on the visual representation of the signed minutes (ГОСТ Р 7.0.97-2016, requisite 28):
 * «Документ подписан электронной подписью», the certificate's serial number, its owner and validity; or, on the paper
 * path, who signed the original on paper and when.
 *
 * @param serialHex the certificate's serial number (hex); empty on the paper path
 * @param owner     the certificate's owner (full name), or who signed on paper
 * @param validFrom the certificate valid from; {@code null} on the paper path
 * @param validTo   the certificate valid to; {@code null} on the paper path
 * @param signedAt  when it was signed
 * @param paper     signed on paper (the scan of the original was uploaded)
 */
public record SignatureMark(String serialHex, String owner, LocalDate validFrom, LocalDate validTo,
                            OffsetDateTime signedAt, boolean paper) {
}
