package ru.nso.wg.notification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.Refusal;

/**
 * A person's own choice of how he learns of the tasks waiting for him (issue 16, point 4):
 * {@code GET /api/me/notification-preference}, {@code PUT /api/me/notification-preference} with
 * {@code {"mode": "DAILY_DIGEST"}} or {@code {"mode": "EACH_TASK"}}. Only one's own: a body naming another
 * {@code userId} is refused (403) and changes nothing; 401 without login.
 */
@RestController
@RequestMapping("/api/me/notification-preference")
public class NotificationPreferenceController {

  private final NotificationPreferences preferences;
  private final NotificationSettings settings;
  private final IdentityService identityService;

  public NotificationPreferenceController(NotificationPreferences preferences, NotificationSettings settings,
                                          IdentityService identityService) {
    this.preferences = preferences;
    this.settings = settings;
    this.identityService = identityService;
  }

  /** The answer: whose preference, the mode, its Russian title, the digest's hour (Asia/Novosibirsk). */
  public record PreferenceView(String userId, String mode, String title, int digestHour) {
  }

  /** The change: the mode; {@code userId} may be left out, and if given must be the caller's own. */
  public record PreferenceChange(String mode, String userId) {
  }

  @GetMapping
  public PreferenceView get() {
    String userId = currentUser();
    return view(userId, preferences.mode(userId));
  }

  @PutMapping
  public PreferenceView put(@RequestBody(required = false) PreferenceChange change) {
    String actor = currentUser();
    if (change == null) {
      throw new Refusal("Укажите режим уведомлений в теле запроса: {\"mode\": \"EACH_TASK\"} или "
          + "{\"mode\": \"DAILY_DIGEST\"}");
    }
    String userId = change.userId() == null ? actor : change.userId().trim();
    if (!userId.equals(actor)) {
      throw Refusal.forbidden("Изменить можно только свою настройку уведомлений");
    }
    return view(actor, preferences.set(actor, userId, NotificationMode.parse(change.mode())));
  }

  private PreferenceView view(String userId, NotificationMode mode) {
    return new PreferenceView(userId, mode.name(), mode.title(), settings.digestHour());
  }

  private String currentUser() {
    return CurrentCaller.require(identityService).getUserId();
  }
}
