package ru.nso.wg.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.util.Map;

/**
 * Demo data for the managers' views, only when {@code wg.demo-data=true} (env {@code WG_DEMO_DATA}; off by default and
 * never in production): {@code POST /api/demo/monitoring} writes the example meetings of
 * {@link MonitoringSeed#examples()}; with {@code bulkMeetings=N&decisionsPerMeeting=M&year=Y} the measuring data of
 * {@link MonitoringSeed#bulk}. Administrators only.
 */
@RestController
@RequestMapping("/api/demo")
@ConditionalOnProperty(name = "wg.demo-data", havingValue = "true")
public class DemoDataController {

  /** What was written: the example meetings' keys by role, or the number of bulk meetings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Seeded(Map<String, String> meetings, Integer created) {
  }

  private final MonitoringSeed seed;
  private final IdentityService identity;

  public DemoDataController(MonitoringSeed seed, IdentityService identity) {
    this.seed = seed;
    this.identity = identity;
  }

  @PostMapping("/monitoring")
  public Seeded seed(@RequestParam(required = false) Integer bulkMeetings,
                     @RequestParam(defaultValue = "10") int decisionsPerMeeting,
                     @RequestParam(required = false) Integer year) {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null || a.getGroupIds() == null || !a.getGroupIds().contains(RosterGroups.ADMINS)) {
      throw Refusal.forbidden("Демонстрационные данные загружает только администратор");
    }
    if (bulkMeetings == null) {
      return new Seeded(seed.examples(), null);
    }
    if (bulkMeetings < 1 || bulkMeetings > 100_000 || decisionsPerMeeting < 0 || decisionsPerMeeting > 100) {
      throw new Refusal("Число заседаний — от 1 до 100000, решений на заседание — от 0 до 100");
    }
    return new Seeded(null, seed.bulk(bulkMeetings, decisionsPerMeeting,
        year == null ? LocalDate.now().getYear() - 1 : year));
  }
}
