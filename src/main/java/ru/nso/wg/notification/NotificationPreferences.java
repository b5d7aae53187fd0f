package ru.nso.wg.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.Refusal;

import java.sql.Timestamp;
import java.util.List;

/**
 * Who wants a daily digest instead of a message per task (table {@code wg_notification_preference}, migration V90).
 * Without a row a person gets a message per task. Each person changes only his own preference.
 */
@Service
public class NotificationPreferences {

  private final JdbcTemplate jdbc;
  private final CalendarClock clock;

  public NotificationPreferences(JdbcTemplate jdbc, CalendarClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The person's mode; {@link NotificationMode#EACH_TASK} when he never chose. */
  public NotificationMode mode(String userId) {
    List<String> modes = jdbc.queryForList("SELECT notification_mode FROM wg_notification_preference"
        + " WHERE user_id = ?", String.class, userId);
    return modes.isEmpty() ? NotificationMode.EACH_TASK : NotificationMode.valueOf(modes.get(0));
  }

  /** Everyone who chose the daily digest. */
  public List<String> digestUsers() {
    return jdbc.queryForList("SELECT user_id FROM wg_notification_preference WHERE notification_mode = ?"
        + " ORDER BY user_id", String.class, NotificationMode.DAILY_DIGEST.name());
  }

  /**
   * {@code actor} sets the preference of {@code userId}: only his own (refused otherwise, before anything is
   * written).
   */
  @Transactional
  public NotificationMode set(String actor, String userId, NotificationMode mode) {
    if (actor == null || actor.isBlank()) {
      throw Refusal.unauthenticated();
    }
    if (userId == null || !userId.equals(actor)) {
      throw Refusal.forbidden("Изменить можно только свою настройку уведомлений");
    }
    if (mode == null) {
      throw new Refusal("Поле «mode»: укажите режим уведомлений");
    }
    Timestamp now = Timestamp.from(clock.now());
    int updated = jdbc.update("UPDATE wg_notification_preference SET notification_mode = ?, changed_at = ?"
        + " WHERE user_id = ?", mode.name(), now, userId);
    if (updated == 0) {
      try {
        jdbc.update("INSERT INTO wg_notification_preference (user_id, notification_mode, changed_at)"
            + " VALUES (?, ?, ?)", userId, mode.name(), now);
      } catch (DuplicateKeyException concurrently) {
        jdbc.update("UPDATE wg_notification_preference SET notification_mode = ?, changed_at = ? WHERE user_id = ?",
            mode.name(), now, userId);
      }
    }
    return mode;
  }
}
