package ru.nso.wg.document;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.roster.RosterGroups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/meetings/{key}/dossier.zip}: the meeting's file for the archive ({@link MeetingDossier}), streamed.
 * The secretariat only (403 for anyone else), 404 for an unknown meeting; both decided before anything is sent.
 */
@RestController
public class DossierController {

  private final MeetingDossier dossier;
  private final IdentityService identity;
  private final CalendarClock clock;

  public DossierController(MeetingDossier dossier, IdentityService identity, CalendarClock clock) {
    this.dossier = dossier;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/api/meetings/{businessKey}/dossier.zip")
  public void dossier(@PathVariable String businessKey, HttpServletResponse response) throws IOException {
    CurrentCaller.requireAnyOf(identity, List.of(RosterGroups.SECRETARIAT), "Дело заседания выгружает только "
        + "департамент организации управления и государственной гражданской службы");
    String key = dossier.requireMeeting(businessKey);
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(dossier.fileName(key), StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    dossier.write(key, clock.now(), response.getOutputStream());
    response.flushBuffer();
  }
}
