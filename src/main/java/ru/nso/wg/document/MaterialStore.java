package ru.nso.wg.document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The speakers' materials of agenda items (table {@code wg_material}): each uploaded file is a version of kind
 * {@link DocumentKind#MATERIAL} in the document store (bytes, SHA-256, who and when), linked here to its item. Nothing
 * is replaced: a second upload of the same name is another version.
 */
@Repository
public class MaterialStore {

  private final JdbcTemplate jdbc;
  private final DocumentStore store;

  public MaterialStore(JdbcTemplate jdbc, DocumentStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /** One stored material, without its bytes. */
  public record MaterialFile(long documentId, int itemNo, String fileName, String contentType, long sizeBytes,
                             String sha256, String uploadedBy, Instant uploadedAt) {
  }

  /** Stores a checked file as a material of item {@code itemNo} ({@link MaterialFiles#check} first). */
  public StoredDocument add(String meetingKey, int itemNo, MaterialFiles.Checked file, byte[] content, String actor) {
    StoredDocument stored = store.save(meetingKey, DocumentKind.MATERIAL, file.fileName(), file.type().contentType(),
        content, actor);
    jdbc.update("INSERT INTO wg_material (document_id, meeting_key, item_no) VALUES (?, ?, ?)", stored.id(),
        meetingKey, itemNo);
    return stored;
  }

  /** Every material of the meeting, by item then upload order. */
  public List<MaterialFile> of(String meetingKey) {
    return jdbc.query("SELECT d.id, m.item_no, d.file_name, d.content_type, d.size_bytes, d.sha256, d.created_by,"
        + " d.created_at FROM wg_material m JOIN wg_document d ON d.id = m.document_id WHERE m.meeting_key = ?"
        + " ORDER BY m.item_no, d.id", (rs, n) -> new MaterialFile(rs.getLong(1), rs.getInt(2), rs.getString(3),
        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
        meetingKey);
  }

  /** The materials of the meeting grouped by item number (items without materials absent). */
  public Map<Integer, List<MaterialFile>> byItem(String meetingKey) {
    Map<Integer, List<MaterialFile>> result = new LinkedHashMap<>();
    for (MaterialFile f : of(meetingKey)) {
      result.computeIfAbsent(f.itemNo(), n -> new ArrayList<>()).add(f);
    }
    return result;
  }

  /** The materials of one item. */
  public List<MaterialFile> ofItem(String meetingKey, int itemNo) {
    return of(meetingKey).stream().filter(f -> f.itemNo() == itemNo).toList();
  }

  /** One material with its bytes, if it is a material of this meeting. */
  public Optional<StoredDocument> file(String meetingKey, long documentId) {
    return store.find(meetingKey, documentId).filter(d -> d.kind() == DocumentKind.MATERIAL);
  }
}
