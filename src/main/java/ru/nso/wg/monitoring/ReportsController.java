package ru.nso.wg.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reports to take away, as JSON or as an XLSX workbook ({@code ?format=xlsx}, or {@code Accept} of the XLSX type):
 * <ul>
 *   <li>{@code GET /api/reports/compliance?from=&to=} — register of meetings and compliance of §§ 13, 14, 18, 19
 *       (the secretariat and the chair's office);</li>
 *   <li>{@code GET /api/reports/decisions?from=&to=&area=} — decisions under control with totals per area (also a
 *       deputy chair, for their areas).</li>
 * </ul>
 * {@code from}/{@code to} are dates (YYYY-MM-DD, both included; default: this year). Authenticated by the webapp
 * session or HTTP Basic ({@code ApiAuthenticationFilter}); bad parameters are 400 with a Russian message.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportsController {

  private final MonitoringViews views;
  private final MonitoringReports reports;
  private final IdentityService identity;

  public ReportsController(MonitoringViews views, MonitoringReports reports, IdentityService identity) {
    this.views = views;
    this.reports = reports;
    this.identity = identity;
  }

  @GetMapping("/compliance")
  public ResponseEntity<?> compliance(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    MonitoringAccess access = access();
    if (xlsx(format, accept)) {
      Period period = views.period(from, to);
      return file(reports.compliance(access, period), "compliance", period);
    }
    return ResponseEntity.ok(views.compliance(access, from, to));
  }

  @GetMapping("/decisions")
  public ResponseEntity<?> decisions(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String area,
                                     @RequestParam(required = false) String format,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    MonitoringAccess access = access();
    if (xlsx(format, accept)) {
      Period period = views.period(from, to);
      return file(reports.decisions(access, period, area), "decisions", period);
    }
    return ResponseEntity.ok(views.decisions(access, from, to, area, null));
  }

  private MonitoringAccess access() {
    Authentication a = identity.getCurrentAuthentication();
    return MonitoringAccess.of(a == null ? null : a.getUserId(), a == null ? null : a.getGroupIds());
  }

  static boolean xlsx(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase(Locale.ROOT)) {
        case "xlsx" -> true;
        case "json" -> false;
        default -> throw new Refusal("Параметр «format»: «" + format.trim()
            + "» — неизвестный формат; допустимы: json, xlsx");
      };
    }
    return accept != null && accept.contains(MonitoringReports.XLSX);
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String name, Period period) {
    String fileName = name + "-" + period.from() + "-" + period.to() + ".xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(MonitoringReports.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }
}
