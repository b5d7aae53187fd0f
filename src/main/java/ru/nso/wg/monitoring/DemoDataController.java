package ru.nso.wg.monitoring;

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
import java.util.LinkedHashMap;
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

  private final MonitoringSeed seed;
  private final IdentityService identity;

  public DemoDataController(MonitoringSeed seed, IdentityService identity) {
    this.seed = seed;
    this.identity = identity;
  }

  @PostMapping("/monitoring")
  public Map<String, Object> seed(@RequestParam(required = false) Integer bulkMeetings,
                                  @RequestParam(defaultValue = "10") int decisionsPerMeeting,
                                  @RequestParam(required = false) Integer year) {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null || a.getGroupIds() == null || !a.getGroupIds().contains(RosterGroups.ADMINS)) {
      throw Refusal.forbidden("Демонстрационные данные загружает только администратор");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (bulkMeetings == null) {
      body.put("meetings", seed.examples());
      return body;
    }
    if (bulkMeetings < 1 || bulkMeetings > 100_000 || decisionsPerMeeting < 0 || decisionsPerMeeting > 100) {
      throw new Refusal("Число заседаний — от 1 до 100000, решений на заседание — от 0 до 100");
    }
    body.put("created", seed.bulk(bulkMeetings, decisionsPerMeeting,
        year == null ? LocalDate.now().getYear() - 1 : year));
    return body;
  }
}
