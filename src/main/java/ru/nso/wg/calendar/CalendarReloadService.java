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

import java.time.Instant;
import java.util.SortedSet;

/**
 * Changes of the production calendar at run time, and keeping waiting deadline timers and open tasks' due and
 * follow-up dates in step with it, once for the whole cluster.
 *
 * <p>A reload on any node stores that node's files as the calendar of record ({@link ClusterCalendar}); every node
 * adopts it within seconds. The node that stored a change recalculates the deadline timers ({@link DeadlineTimers})
 * and the open tasks' dates ({@link OpenTaskDueDates}) of every process instance, and records what it did in the
 * change log ({@code GET /api/calendar/changes}). When some timer or task could not be recalculated the change stays
 * open: the next reload, or a polling node after the recalculation lease, tries again.
 */
@Service
public class CalendarReloadService {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarReloadService.class);

  private final ClusterCalendar cluster;
  private final DeadlineTimers timers;
  private final OpenTaskDueDates tasks;
  private final IdentityService identityService;

  public CalendarReloadService(ClusterCalendar cluster, DeadlineTimers timers, OpenTaskDueDates tasks,
                               IdentityService identityService) {
    this.cluster = cluster;
    this.timers = timers;
    this.tasks = tasks;
    this.identityService = identityService;
  }

  /** The outcome of a reload. */
  public record Report(SortedSet<Integer> years, SortedSet<Integer> changedYears, long version,
                       DeadlineTimers.Recalculation timers, OpenTaskDueDates.Recalculation tasks) {
  }

  /**
   * Reloads this node's calendar files into the calendar of record (administrators only) and recalculates the
   * waiting deadline timers and open tasks when it changed.
   *
   * @throws Refusal 403 for a non-administrator, 422 when a file is invalid (the calendar in use is kept)
   */
  public synchronized Report reload() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw Refusal.forbidden("Перечитать производственный календарь может только администратор "
          + "(группа " + Groups.CAMUNDA_ADMIN + ")");
    }
    ClusterCalendar.Stored stored;
    try {
      stored = cluster.store(user.getUserId());
    } catch (CalendarDataException e) {
      LOG.warn("Production calendar reload refused, the calendar in use is kept: {}", e.getMessage());
      throw new Refusal(Refusal.Kind.UNPROCESSABLE, e.getMessage()
          + ". Новый календарь не принят, действует прежний.");
    }
    Recalculated result = recalculate(cluster.claimRecalculation(ClusterCalendar.Claim.FORCE));
    return new Report(stored.current().years(), stored.changedYears(), stored.version(), result.timers(),
        result.tasks());
  }

  /**
   * After the start: the start may have added years to the calendar of record, or a node may have died in the
   * middle of a recalculation. A failure here does not stop the application; it is logged and retried.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void synchronizeAfterStart() {
    try {
      recalculate(cluster.claimRecalculation(ClusterCalendar.Claim.OWN_OR_FREE));
    } catch (RuntimeException e) {
      LOG.error("Deadline timers could not be brought in line with the production calendar after the start; "
          + "call POST /api/calendar/reload to retry", e);
    }
    cluster.startPolling(() -> recalculate(cluster.claimRecalculation(ClusterCalendar.Claim.FREE)));
  }

  private record Recalculated(DeadlineTimers.Recalculation timers, OpenTaskDueDates.Recalculation tasks) {
    static final Recalculated NONE = new Recalculated(DeadlineTimers.Recalculation.NONE,
        OpenTaskDueDates.Recalculation.NONE);
  }

  /** Recalculates for the claimed version (nothing when {@code version} is -1: nothing was claimed). */
  private synchronized Recalculated recalculate(long version) {
    if (version < 0) {
      return Recalculated.NONE;
    }
    DeadlineTimers.Recalculation timerResult = timers.recalculate();
    OpenTaskDueDates.Recalculation taskResult = tasks.recalculateAll(OpenTaskDueDates.CALENDAR_DEPENDENT);
    boolean complete = timerResult.failed().isEmpty() && taskResult.failed().isEmpty();
    cluster.record().finishRecalculation(version, cluster.node(), Instant.now(), complete,
        timerResult.recalculated(), timerResult.moved().size(), timerResult.failed().size(),
        taskResult.recalculated(), taskResult.moved().size(), taskResult.failed().size());
    if (!complete) {
      LOG.warn("{} deadline timer(s) and {} task(s) could not be recalculated for calendar version {}; they keep "
          + "their previous dates until the next reload (or another node retries after the lease)",
          timerResult.failed().size(), taskResult.failed().size(), version);
    }
    return new Recalculated(timerResult, taskResult);
  }

}
