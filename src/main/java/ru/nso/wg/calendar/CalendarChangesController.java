package ru.nso.wg.calendar;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.Refusal;

import java.util.List;
import java.util.Map;

/**
 * The calendar of record as the cluster shares it ({@code GET /api/calendar/record}, administrators only): its
 * version, which version this node computes with, who changed each year and when, and the latest changes with
 * what their recalculation of timers and tasks did and on which node.
 */
@RestController
@RequestMapping("/api/calendar/record")
public class CalendarChangesController {

  private final ClusterCalendar cluster;
  private final IdentityService identityService;

  public CalendarChangesController(ClusterCalendar cluster, IdentityService identityService) {
    this.cluster = cluster;
    this.identityService = identityService;
  }

  public record YearView(int year, String source, long changedInVersion, String changedBy, String changedAt) {
  }

  public record ChangeView(long version, String changedYears, String changedBy, String node, String changedAt,
                           int recalculations, String recalculatedBy, String recalculatedAt,
                           Integer timersRecalculated, Integer timersMoved, Integer timersFailed,
                           Integer tasksRecalculated, Integer tasksMoved, Integer tasksFailed) {
  }

  @GetMapping
  public Map<String, Object> record() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw Refusal.forbidden("Журнал изменений производственного календаря доступен только администратору "
          + "(группа " + Groups.CAMUNDA_ADMIN + ")");
    }
    CalendarOfRecord record = cluster.record();
    CalendarOfRecord.State state = record.state();
    List<YearView> years = record.years().stream().map(y -> new YearView(y.year(), y.source(), y.changedInVersion(),
        y.changedBy(), CalendarController.format(y.changedAt()))).toList();
    List<ChangeView> changes = record.changes(50).stream().map(c -> new ChangeView(c.version(), c.changedYears(),
        c.changedBy(), c.node(), CalendarController.format(c.changedAt()), c.recalculations(), c.recalculatedBy(),
        CalendarController.format(c.recalculatedAt()), c.timersRecalculated(), c.timersMoved(), c.timersFailed(),
        c.tasksRecalculated(), c.tasksMoved(), c.tasksFailed())).toList();
    return Map.of("version", state.version(), "recalculatedVersion", state.recalculatedVersion(),
        "node", cluster.node(), "nodeVersion", cluster.version(), "years", years, "changes", changes);
  }
}
