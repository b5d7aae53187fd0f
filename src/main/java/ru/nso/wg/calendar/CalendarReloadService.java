package ru.nso.wg.calendar;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ru.nso.wg.common.Refusal;

import java.util.SortedSet;

/**
 * Changes of the production calendar at run time, and keeping waiting deadline timers in step with it.
 *
 * <p>The fingerprint of the calendar that the waiting timers were last computed with is kept in the engine's
 * property table. After a reload, and after a start with changed files (an administrator may drop a file and
 * restart instead of reloading), the deadline timers are recalculated when the fingerprint differs. When some timer
 * could not be recalculated the fingerprint is not recorded, so the next reload or start tries again.
 */
@Service
public class CalendarReloadService {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarReloadService.class);
  static final String FINGERPRINT_PROPERTY = "wg.calendar.fingerprint";

  private final ProductionCalendar calendar;
  private final DeadlineTimers timers;
  private final IdentityService identityService;

  public CalendarReloadService(ProductionCalendar calendar, DeadlineTimers timers, IdentityService identityService) {
    this.calendar = calendar;
    this.timers = timers;
    this.identityService = identityService;
  }

  /** The outcome of a reload. */
  public record Report(SortedSet<Integer> years, SortedSet<Integer> changedYears, DeadlineTimers.Recalculation timers) {
  }

  /**
   * Reloads the calendar (administrators only) and recalculates the waiting deadline timers when it changed.
   *
   * @throws Refusal 403 for a non-administrator, 422 when a file is invalid (the calendar in use is kept)
   */
  public synchronized Report reload() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw Refusal.forbidden("Перечитать производственный календарь может только администратор "
          + "(группа " + Groups.CAMUNDA_ADMIN + ")");
    }
    ProductionCalendar.Reload reload;
    try {
      reload = calendar.reload();
    } catch (CalendarDataException e) {
      LOG.warn("Production calendar reload refused, the calendar in use is kept: {}", e.getMessage());
      throw new Refusal(Refusal.Kind.UNPROCESSABLE, e.getMessage()
          + ". Новый календарь не принят, действует прежний.");
    }
    return new Report(reload.current().years(), reload.changedYears(), synchronize(reload.current()));
  }

  /**
   * After the start: the files may have changed while the application was down. A failure here does not stop the
   * application (the calendar itself is valid); it is logged, and the next start or reload tries again.
   */
  @EventListener(ApplicationReadyEvent.class)
  public synchronized void synchronizeAfterStart() {
    try {
      synchronize(calendar.snapshot());
    } catch (RuntimeException e) {
      LOG.error("Deadline timers could not be brought in line with the production calendar after the start; "
          + "call POST /api/calendar/reload to retry", e);
    }
  }

  private DeadlineTimers.Recalculation synchronize(WorkingDayCalendar current) {
    String fingerprint = current.fingerprint();
    if (fingerprint.equals(timers.property(FINGERPRINT_PROPERTY))) {
      return DeadlineTimers.Recalculation.NONE;
    }
    DeadlineTimers.Recalculation result = timers.recalculate();
    if (result.failed().isEmpty()) {
      timers.setProperty(FINGERPRINT_PROPERTY, fingerprint);
    } else {
      LOG.warn("{} deadline timer(s) could not be recalculated for the production calendar in use; "
          + "they keep their previous due dates until the next successful reload", result.failed().size());
    }
    return result;
  }
}
