package ru.nso.wg.materials;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.document.DocumentStore;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The upload links of outside speakers (table {@code wg_material_link}): a random opaque token of 256 bits, given
 * once in the link and stored only as its SHA-256, with its scope — one meeting, one agenda item, one e-mail
 * address — and its expiry (the materials deadline). A link may be used any number of times until it expires (a
 * speaker may upload several files) and is revoked when its item gets a new link. The token says nothing by itself:
 * an unknown, altered, expired or revoked token is refused with a Russian message that reveals nothing of other
 * meetings or items.
 */
@Repository
public class MaterialLinks {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final JdbcTemplate jdbc;

  public MaterialLinks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What a valid link allows: uploading materials of one item of one meeting, as one outside speaker. */
  public record Scope(long id, String meetingKey, int itemNo, String email, Instant expiresAt) {
  }

  /**
   * A new link for the item, valid until {@code expiresAt}; every earlier link of the item is revoked.
   *
   * @return the token to put into the link (not kept anywhere)
   */
  public String issue(String meetingKey, int itemNo, String email, Instant expiresAt) {
    Objects.requireNonNull(meetingKey, "meetingKey");
    Objects.requireNonNull(email, "email");
    Instant now = now();
    revoke(meetingKey, itemNo);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update("INSERT INTO wg_material_link (token_sha256, meeting_key, item_no, email, expires_at, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", hash(token), meetingKey, itemNo, email, Timestamp.from(expiresAt),
        Timestamp.from(now));
    return token;
  }

  /**
   * The scope of a token that may be used now.
   *
   * @throws Refusal 404 for an unknown or altered token, 403 for an expired or revoked one
   */
  public Scope resolve(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw unknown();
    }
    List<Row> rows = jdbc.query("SELECT id, meeting_key, item_no, email, expires_at, revoked_at FROM wg_material_link"
            + " WHERE token_sha256 = ?", (rs, n) -> new Row(new Scope(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getTimestamp(5).toInstant()), rs.getTimestamp(6) != null),
        hash(token));
    if (rows.isEmpty()) {
      throw unknown();
    }
    Row row = rows.get(0);
    if (row.revoked()) {
      throw Refusal.forbidden("Ссылка отозвана: для этого вопроса выдана новая ссылка или вопрос снят с повестки. "
          + "Обратитесь в секретариат Рабочей группы");
    }
    if (!now().isBefore(row.scope().expiresAt())) {
      throw Refusal.forbidden("Срок действия ссылки истёк: материалы принимались до окончания срока их "
          + "представления. Обратитесь в секретариат Рабочей группы");
    }
    return row.scope();
  }

  /** Revokes every link of the item (a new speaker, a new link, an item removed). */
  public void revoke(String meetingKey, int itemNo) {
    jdbc.update("UPDATE wg_material_link SET revoked_at = ? WHERE meeting_key = ? AND item_no = ?"
        + " AND revoked_at IS NULL", Timestamp.from(now()), meetingKey, itemNo);
  }

  private record Row(Scope scope, boolean revoked) {
  }

  private static Refusal unknown() {
    return Refusal.notFound("Ссылка недействительна: проверьте, что она скопирована из письма полностью, "
        + "или обратитесь в секретариат Рабочей группы");
  }

  static String hash(String token) {
    return DocumentStore.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
