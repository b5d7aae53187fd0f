package ru.nso.wg.document;

import java.time.Instant;

/**
 * One stored version of a meeting document.
 *
 * @param id          database id (increases with every stored version)
 * @param meetingKey  the meeting's business key
 * @param kind        agenda / minutes draft / uploaded minutes / signed minutes
 * @param version     1, 2, … per meeting and kind
 * @param fileName    the file name people download (Russian)
 * @param contentType the MIME type
 * @param content     the bytes
 * @param sha256      SHA-256 of the bytes (lower-case hex), computed when stored
 * @param createdBy   the user id who stored (or signed) it, or {@code system}
 * @param createdAt   when
 * @param basedOnVersion for an upload by the secretariat: the generated draft version it was made from
 * @param dissentCount   for minutes: how many dissenting opinions (in filing order) the text contains
 */
public record StoredDocument(long id, String meetingKey, DocumentKind kind, int version, String fileName,
                             String contentType, byte[] content, String sha256, String createdBy, Instant createdAt,
                             Integer basedOnVersion, Integer dissentCount) {
}
