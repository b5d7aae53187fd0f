package ru.nso.wg.signature;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The signatures of the minutes (table {@code wg_minutes_signature}, migration V88), in the caller's transaction:
 * every upload is kept (what was tried, by whom, when); the signing task marks the one it accepted.
 */
@Repository
public class SignatureRecords {

  private static final String COLUMNS = "id, meeting_key, method, document_id, document_sha256, file_name,"
      + " content_type, content, sha256, cert_serial, cert_owner, cert_snils, cert_issuer, cert_valid_from,"
      + " cert_valid_to, algorithm, owner_match, signing_time, uploaded_by, uploaded_at, signed_document_id,"
      + " accepted_by, accepted_at";
  private static final RowMapper<StoredSignature> MAPPER = (rs, n) -> new StoredSignature(rs.getLong("id"),
      rs.getString("meeting_key"), SigningMode.valueOf(rs.getString("method")), rs.getLong("document_id"),
      rs.getString("document_sha256"), rs.getString("file_name"), rs.getString("content_type"),
      rs.getBytes("content"), rs.getString("sha256"), rs.getString("cert_serial"), rs.getString("cert_owner"),
      rs.getString("cert_snils"), rs.getString("cert_issuer"), instant(rs, "cert_valid_from"),
      instant(rs, "cert_valid_to"), rs.getString("algorithm"), rs.getString("owner_match"),
      instant(rs, "signing_time"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
      (Long) rs.getObject("signed_document_id", Long.class), rs.getString("accepted_by"),
      instant(rs, "accepted_at"));

  private final JdbcTemplate jdbc;

  public SignatureRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a verified electronic signature of document {@code documentId}. */
  public StoredSignature saveElectronic(String meetingKey, long documentId, String documentSha256, String fileName,
                                        byte[] signature, String sha256, VerifiedSignature verified,
                                        String uploadedBy) {
    jdbc.update("INSERT INTO wg_minutes_signature (meeting_key, method, document_id, document_sha256, file_name,"
            + " content_type, content, size_bytes, sha256, cert_serial, cert_owner, cert_snils, cert_issuer,"
            + " cert_valid_from, cert_valid_to, algorithm, owner_match, signing_time, uploaded_by, uploaded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meetingKey, SigningMode.ELECTRONIC.name(), documentId, documentSha256, fileName, "application/pkcs7-signature",
        signature, (long) signature.length, sha256, verified.serialHex(), verified.owner(), verified.snils(),
        verified.issuer(), utc(verified.validFrom()), utc(verified.validTo()), verified.algorithm(),
        verified.bySnils() ? "SNILS" : "NAME", utc(verified.signingTime()), uploadedBy, utc(verified.verifiedAt()));
    return latest(meetingKey).orElseThrow();
  }

  /** Stores the scan of the original signed on paper (document {@code documentId} printed). */
  public StoredSignature saveScan(String meetingKey, long documentId, String documentSha256, String fileName,
                                  byte[] scan, String sha256, String uploadedBy, Instant now) {
    jdbc.update("INSERT INTO wg_minutes_signature (meeting_key, method, document_id, document_sha256, file_name,"
            + " content_type, content, size_bytes, sha256, uploaded_by, uploaded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meetingKey, SigningMode.PAPER.name(), documentId, documentSha256, fileName, "application/pdf", scan,
        (long) scan.length, sha256, uploadedBy, utc(now));
    return latest(meetingKey).orElseThrow();
  }

  /** The newest upload of the meeting. */
  public Optional<StoredSignature> latest(String meetingKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_minutes_signature WHERE meeting_key = ?"
        + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", MAPPER, meetingKey).stream().findFirst();
  }

  /** The newest upload of a method for exactly document {@code documentId}. */
  public Optional<StoredSignature> latestFor(String meetingKey, SigningMode method, long documentId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_minutes_signature WHERE meeting_key = ? AND method = ?"
            + " AND document_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", MAPPER, meetingKey, method.name(),
        documentId).stream().findFirst();
  }

  /** The signature the signing accepted, if the minutes are signed. */
  public Optional<StoredSignature> accepted(String meetingKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_minutes_signature WHERE meeting_key = ?"
        + " AND signed_document_id IS NOT NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", MAPPER, meetingKey)
        .stream().findFirst();
  }

  /** Every upload of the meeting, oldest first. */
  public List<StoredSignature> all(String meetingKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_minutes_signature WHERE meeting_key = ? ORDER BY id", MAPPER,
        meetingKey);
  }

  /** Marks upload {@code id} as the signature of the signed minutes {@code signedDocumentId}. */
  public void accept(long id, long signedDocumentId, String acceptedBy, Instant now) {
    int updated = jdbc.update("UPDATE wg_minutes_signature SET signed_document_id = ?, accepted_by = ?,"
        + " accepted_at = ? WHERE id = ? AND signed_document_id IS NULL", signedDocumentId, acceptedBy, utc(now), id);
    if (updated != 1) {
      throw new IllegalStateException("signature " + id + " already accepted");
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
