package ru.nso.wg.signature;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.nso.wg.common.Refusal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The SNILS of users who sign (table {@code wg_signer_snils}, maintained by administrators through
 * {@link SignerSnilsController}). A qualified certificate of a natural person carries the owner's SNILS; matching by
 * it is preferred to matching by name (namesakes, «е»/«ё», a changed surname).
 */
@Repository
public class SignerSnils {

  private final JdbcTemplate jdbc;

  public SignerSnils(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> of(String userId) {
    return jdbc.queryForList("SELECT snils FROM wg_signer_snils WHERE user_id = ?", String.class, userId).stream()
        .findFirst();
  }

  /** Sets (or, with {@code null}, removes) the user's SNILS: 11 digits with a valid check number. */
  public void set(String userId, String snils, String actor, Instant now) {
    jdbc.update("DELETE FROM wg_signer_snils WHERE user_id = ?", userId);
    if (snils == null || snils.isBlank()) {
      return;
    }
    String digits = normal(snils);
    jdbc.update("INSERT INTO wg_signer_snils (user_id, snils, set_by, set_at) VALUES (?, ?, ?, ?)", userId, digits,
        actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }

  /** «112-233-445 95» → «11223344595»; refused unless 11 digits with the right check number. */
  public static String normal(String snils) {
    String digits = snils.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{11}") || !checksumOk(digits)) {
      throw new Refusal("СНИЛС должен состоять из 11 цифр с верным контрольным числом (например, 112-233-445 95)");
    }
    return digits;
  }

  static boolean checksumOk(String digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (9 - i);
    }
    int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
    return check == Integer.parseInt(digits.substring(9));
  }
}
