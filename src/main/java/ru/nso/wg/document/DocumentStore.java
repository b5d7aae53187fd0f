package ru.nso.wg.document;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.nso.wg.common.Refusal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The documents of meetings (table {@code wg_document}): every version of the agenda and of the minutes (generated
 * drafts, uploads by the secretariat) and the signed minutes, each with its SHA-256, who stored it and when.
 *
 * <p>Runs in the caller's transaction (in a job: the engine's), so a document stored by a step that rolls back is
 * not kept. Once the minutes are signed, any attempt to store other minutes or to sign again is refused with a
 * {@link Refusal}; the database's unique key on (meeting, kind, version) makes a concurrent second
 * signature fail as well.
 */
@Repository
public class DocumentStore {

  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final String COLUMNS =
      "id, meeting_key, kind, version, file_name, content_type, content, sha256, created_by, created_at,"
          + " based_on_version, dissent_count";
  private static final RowMapper<StoredDocument> MAPPER = (rs, n) -> new StoredDocument(
      rs.getLong("id"), rs.getString("meeting_key"), DocumentKind.valueOf(rs.getString("kind")),
      rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"),
      rs.getString("sha256"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
      (Integer) rs.getObject("based_on_version", Integer.class),
      (Integer) rs.getObject("dissent_count", Integer.class));

  private final JdbcTemplate jdbc;

  public DocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new version of a generated document (the agenda, a draft of the minutes). A draft is refused once the
   * meeting's minutes are signed; uploads are stored through {@link #saveUpload}, signed minutes through
   * {@link #sign}.
   */
  public StoredDocument save(String meetingKey, DocumentKind kind, String fileName, String contentType,
                             byte[] content, String actor) {
    if (kind == DocumentKind.MINUTES_SIGNED || kind == DocumentKind.MINUTES_UPLOADED) {
      throw new IllegalArgumentException(kind + " is stored by sign() or saveUpload()");
    }
    return save(meetingKey, kind, fileName, contentType, content, null, null, actor);
  }

  /** Stores a generated draft of the minutes that contains the first {@code dissentCount} dissenting opinions. */
  public StoredDocument saveDraft(String meetingKey, String fileName, byte[] content, int dissentCount,
                                  String actor) {
    return save(meetingKey, DocumentKind.MINUTES_DRAFT, fileName, DOCX, content, null, dissentCount, actor);
  }

  /** Stores the secretariat's edit of the minutes, made from generated draft {@code basedOn}. */
  public StoredDocument saveUpload(String meetingKey, String fileName, byte[] content, StoredDocument basedOn,
                                   String actor) {
    return save(meetingKey, DocumentKind.MINUTES_UPLOADED, fileName, DOCX, content, basedOn.version(),
        basedOn.dissentCount(), actor);
  }

  private StoredDocument save(String meetingKey, DocumentKind kind, String fileName, String contentType,
                              byte[] content, Integer basedOnVersion, Integer dissentCount, String actor) {
    if (kind == DocumentKind.MINUTES_DRAFT && signedMinutes(meetingKey).isPresent()) {
      throw Refusal.conflict("Протокол заседания " + meetingKey
          + " уже подписан: заменить его нельзя. Изменения оформляются новым протоколом.");
    }
    return insert(meetingKey, kind, nextVersion(meetingKey, kind), fileName, contentType, content, basedOnVersion,
        dissentCount, actor);
  }

  /**
   * Stores a document of {@code kind} made from the stored document {@code source} (a PDF of an edition, the copy or
   * the public version of the signed minutes). There is at most one per source and kind (the database refuses a
   * second); the caller holds the meeting's lock and asks {@link #madeFrom} first.
   */
  public StoredDocument saveMadeFrom(StoredDocument source, DocumentKind kind, String fileName, String contentType,
                                     byte[] content, String actor) {
    String key = source.meetingKey();
    StoredDocument stored = insert(key, kind, nextVersion(key, kind), fileName, contentType, content,
        source.basedOnVersion(), source.dissentCount(), actor);
    jdbc.update("UPDATE wg_document SET source_id = ? WHERE id = ?", source.id(), stored.id());
    return stored;
  }

  /** The document of {@code kind} made from the stored document {@code sourceId}, if made. */
  public Optional<StoredDocument> madeFrom(String meetingKey, DocumentKind kind, long sourceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? AND kind = ? AND source_id = ?",
        MAPPER, meetingKey, kind.name(), sourceId).stream().findFirst();
  }

  /** A given version of a kind. */
  public Optional<StoredDocument> version(String meetingKey, DocumentKind kind, int version) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? AND kind = ? AND version = ?",
        MAPPER, meetingKey, kind.name(), version).stream().findFirst();
  }

  /** One stored version of the meeting, by its id (a link that names exactly what was shown). */
  public Optional<StoredDocument> find(String meetingKey, long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? AND id = ?", MAPPER,
        meetingKey, id).stream().findFirst();
  }

  /** The latest version of a kind. */
  public Optional<StoredDocument> latest(String meetingKey, DocumentKind kind) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? AND kind = ?"
        + " ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", MAPPER, meetingKey, kind.name()).stream().findFirst();
  }

  /** The signed minutes, if signed. */
  public Optional<StoredDocument> signedMinutes(String meetingKey) {
    return latest(meetingKey, DocumentKind.MINUTES_SIGNED);
  }

  /** The minutes people should see: the signed ones, else the newest of the drafts and uploads. */
  public Optional<StoredDocument> currentMinutes(String meetingKey) {
    Optional<StoredDocument> signed = signedMinutes(meetingKey);
    if (signed.isPresent()) {
      return signed;
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? AND kind IN (?, ?)"
            + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", MAPPER, meetingKey,
        DocumentKind.MINUTES_DRAFT.name(), DocumentKind.MINUTES_UPLOADED.name()).stream().findFirst();
  }

  /** Whether anything is stored for the meeting (the download API answers 404 otherwise). */
  public boolean exists(String meetingKey) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM wg_document WHERE meeting_key = ?", Integer.class,
        meetingKey);
    return count != null && count > 0;
  }

  /** Every stored version of the meeting, oldest first, without contents' interpretation (history, audits). */
  public List<StoredDocument> history(String meetingKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM wg_document WHERE meeting_key = ? ORDER BY id", MAPPER, meetingKey);
  }

  /** The ids of every stored version of the meeting, oldest first: to read them one at a time (the dossier). */
  public List<Long> ids(String meetingKey) {
    return jdbc.queryForList("SELECT id FROM wg_document WHERE meeting_key = ? ORDER BY id", Long.class, meetingKey);
  }

  /**
   * Freezes the current minutes (newest draft or upload) as signed by {@code signer}, under {@code fileName}: their
   * bytes are copied into the signed version with their SHA-256. Refused when already signed or when there are no
   * minutes.
   *
   * @return the signed document; its {@code sha256} is worth recording in the process as well
   */
  public StoredDocument sign(String meetingKey, String signer, String fileName) {
    Optional<StoredDocument> already = signedMinutes(meetingKey);
    if (already.isPresent()) {
      throw Refusal.conflict("Протокол заседания " + meetingKey + " уже подписан ("
          + already.get().createdBy() + ", " + already.get().createdAt() + "): повторное подписание невозможно.");
    }
    StoredDocument current = currentMinutes(meetingKey).orElseThrow(() -> Refusal.conflict(
        "Для заседания " + meetingKey + " нет проекта протокола: подписывать нечего."));
    if (!sha256(current.content()).equals(current.sha256())) {
      throw Refusal.conflict("Проект протокола заседания " + meetingKey
          + " повреждён (не совпадает SHA-256): подписание невозможно.");
    }
    try {
      return insert(meetingKey, DocumentKind.MINUTES_SIGNED, 1, fileName, current.contentType(),
          current.content(), current.basedOnVersion(), current.dissentCount(), signer);
    } catch (DuplicateKeyException concurrent) {
      throw Refusal.conflict("Протокол заседания " + meetingKey + " уже подписан: повторное подписание невозможно.");
    }
  }

  /** Recomputes the hash of the signed minutes and compares it with the one recorded at signing. */
  public VerificationResult verify(String meetingKey) {
    StoredDocument signed = signedMinutes(meetingKey).orElseThrow(() -> Refusal.conflict(
        "Протокол заседания " + meetingKey + " не подписан: проверять нечего."));
    return new VerificationResult(meetingKey, signed.id(), signed.sha256(), sha256(signed.content()));
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  int nextVersion(String meetingKey, DocumentKind kind) {
    Integer max = jdbc.queryForObject("SELECT MAX(version) FROM wg_document WHERE meeting_key = ? AND kind = ?",
        Integer.class, meetingKey, kind.name());
    return max == null ? 1 : max + 1;
  }

  private StoredDocument insert(String meetingKey, DocumentKind kind, int version, String fileName,
                                String contentType, byte[] content, Integer basedOnVersion, Integer dissentCount,
                                String actor) {
    String hash = sha256(content);
    // the engine clock, like every other time of the meeting record
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String who = actor == null || actor.isBlank() ? "system" : actor;
    jdbc.update("INSERT INTO wg_document (meeting_key, kind, version, file_name, content_type, content, size_bytes,"
            + " sha256, created_by, created_at, based_on_version, dissent_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        meetingKey, kind.name(), version, fileName, contentType, content, (long) content.length, hash, who,
        Timestamp.from(now), basedOnVersion, dissentCount);
    return version(meetingKey, kind, version).orElseThrow();
  }
}
