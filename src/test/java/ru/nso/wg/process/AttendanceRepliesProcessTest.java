package ru.nso.wg.process;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import ru.nso.wg.meeting.MeetingData.Event;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.notification.MailTransport;
import ru.nso.wg.notification.OutboxMailTransport;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.AttendanceReplies.Reply;
import ru.nso.wg.replies.ReplyAnswer;
import ru.nso.wg.replies.ReplyChannel;
import ru.nso.wg.security.SecurityHeadersFilter;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_FORECAST;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_BY_VIDEO;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_IN_PERSON;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_NEW_START;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_REASON;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * Attendance replies (§ 14, § 15): members and invitees reply by the links found in the outbox's {@code .eml} files,
 * called over HTTP (MockMvc on the application's own context); refused links change nothing; the forecast below quorum
 * reaches the presiding person, who asks for a postponement the chair decides; the attendance form starts from the
 * replies.
 */
class AttendanceRepliesProcessTest extends AbstractMeetingProcessTest {

  /** The § 14 deadline of the meeting on 16.12.2026: the default moment of the forecast. */
  static final String FORECAST_MOMENT = "2026-12-11T18:00+07:00";
  private static final Pattern LINK = Pattern.compile("(?m)^(Буду очно|Буду по ВКС|Не смогу): (\\S+)$");

  @Autowired WebApplicationContext web;
  @Autowired MailTransport transport;
  @Autowired AttendanceReplies replies;
  @Autowired JdbcTemplate jdbc;
  MockMvc http;

  @BeforeEach
  void http() {
    http = MockMvcBuilders.webAppContextSetup(web).addFilters(new SecurityHeadersFilter()).build();
  }

  @Test
  void aMemberRepliesByTheLinkInTheAgendaMailOnceAndTheAttendanceFormStartsFromTheReplies() throws Exception {
    agendaSent();
    String link = link("vasiliev@example.org", "Буду по ВКС");

    MvcResult page = http.perform(get(link)).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(html(page)).contains("Ответ о присутствии на заседании", "Васильев Павел Андреевич",
        "не является голосом", "value=\"BY_VIDEO\" required checked=\"checked\"");
    assertThat(replies.current(meeting.key())).as("opening the link records nothing").isEmpty();
    assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
    String nonce = page.getResponse().getHeader("Content-Security-Policy").replaceAll(".*style-src 'nonce-([^']+)'.*",
        "$1");
    assertThat(html(page)).as("the page's style passes the CSP").contains("<style nonce=\"" + nonce + "\">");

    MvcResult replied = postReply(link, "BY_VIDEO", "По вопросу 1 поддерживаю проект решения");
    assertThat(replied.getResponse().getStatus()).isEqualTo(200);
    assertThat(html(replied)).contains("Ответ получен", "буду по ВКС", "По вопросу 1 поддерживаю проект решения");
    List<Reply> current = replies.current(meeting.key());
    assertThat(current).singleElement().satisfies(r -> {
      assertThat(r.respondent()).isEqualTo("vasiliev");
      assertThat(r.answer()).isEqualTo(ReplyAnswer.BY_VIDEO);
      assertThat(r.via()).isEqualTo(ReplyChannel.LINK);
      assertThat(r.position()).isEqualTo("По вопросу 1 поддерживаю проект решения");
    });

    // a second use of the link (any of the three: one token per member and meeting) changes nothing
    MvcResult again = postReply(link("vasiliev@example.org", "Не смогу"), "ABSENT", null);
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(html(again)).contains("Ответ по этой ссылке уже получен", "«буду по ВКС»", "Ничего не изменено");
    assertThat(http.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(409);
    assertThat(replies.current(meeting.key())).singleElement()
        .satisfies(r -> assertThat(r.answer()).isEqualTo(ReplyAnswer.BY_VIDEO));

    // another member in person, an invitee (never counted in the quorum)
    assertThat(postReply(link("novikova@example.org", "Буду очно"), "IN_PERSON", null).getResponse().getStatus())
        .isEqualTo(200);
    assertThat(postReply(link("ivanov@example.org", "Буду очно"), "IN_PERSON", "").getResponse().getStatus())
        .isEqualTo(200);
    AttendanceReplies.Forecast forecast = replies.forecast(meeting.key());
    assertThat(forecast.inPerson()).isEqualTo(1);
    assertThat(forecast.byVideo()).isEqualTo(1);
    assertThat(forecast.silent()).isEqualTo(13);
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), ATTENDANCE_FORECAST.name()))
        .as("the forecast follows the replies").asString()
        .contains("будут 2 из 15 (очно 1, по ВКС 1), не смогут 0, не ответили 13");

    clockAt(MEETING);
    meeting.executeJob(MeetingProcess.Elements.MEETING_TIME);
    assertThat(meeting.variable(MeetingProcess.Elements.RECORD_ATTENDANCE, PRESENT_IN_PERSON).toString())
        .isEqualTo("[\"novikova\"]");
    assertThat(meeting.variable(MeetingProcess.Elements.RECORD_ATTENDANCE, PRESENT_BY_VIDEO).toString())
        .isEqualTo("[\"vasiliev\"]");
    assertThat(meeting.variable(MeetingProcess.Elements.RECORD_ATTENDANCE, ATTENDANCE_FORECAST)).asString()
        .contains("будут 2 из 15");
    // the meeting has begun: the link is over
    assertThat(http.perform(get(link("fedorov@example.org", "Не смогу"))).andReturn().getResponse().getStatus())
        .isEqualTo(410);
  }

  @Test
  void aReplayedForeignExpiredOrTamperedLinkGetsARussianPageAndChangesNothing() throws Exception {
    agendaSent();
    String link = link("vasiliev@example.org", "Буду очно");
    UriComponents uri = UriComponentsBuilder.fromUriString(link).build();
    String token = URLDecoder.decode(uri.getQueryParams().getFirst("token"), StandardCharsets.UTF_8);

    // someone else's: vasiliev's token on novikova's address
    MvcResult foreign = http.perform(post("/reply/" + meeting.key() + "/novikova")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", token).param("answer", "ABSENT"))
        .andReturn();
    assertThat(foreign.getResponse().getStatus()).isEqualTo(403);
    assertThat(html(foreign)).contains("выдана для другого участника или другого заседания", "Ничего не изменено");
    // another meeting's
    MvcResult otherMeeting = http.perform(post("/reply/2026-99/vasiliev")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", token).param("answer", "ABSENT"))
        .andReturn();
    assertThat(otherMeeting.getResponse().getStatus()).isEqualTo(403);
    // tampered: one character of the payload changed
    char first = token.charAt(3);
    String tampered = token.substring(0, 3) + (first == 'A' ? 'B' : 'A') + token.substring(4);
    MvcResult forged = http.perform(post("/reply/" + meeting.key() + "/vasiliev")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("token", tampered).param("answer", "ABSENT"))
        .andReturn();
    assertThat(forged.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(forged)).contains("Ответ не принят");
    assertThat(http.perform(get("/reply/" + meeting.key() + "/vasiliev?token=garbage")).andReturn().getResponse()
        .getStatus()).isEqualTo(400);
    // a bad answer is refused too
    assertThat(postReply(link, "MAYBE", null).getResponse().getStatus()).isEqualTo(400);
    // expired: the meeting's start has come
    clockAt(MEETING);
    MvcResult expired = postReply(link, "IN_PERSON", null);
    assertThat(expired.getResponse().getStatus()).isEqualTo(410);
    assertThat(html(expired)).contains("Срок действия ссылки истёк");

    assertThat(replies.current(meeting.key())).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_attendance_reply WHERE business_key = ?", Integer.class,
        meeting.key())).isZero();
    clockAt(TODAY);
    assertThat(postReply(link, "IN_PERSON", null).getResponse().getStatus())
        .as("none of the refusals used the link up").isEqualTo(200);
  }

  @Test
  void aForecastBelowQuorumReachesThePresidingPersonWhoAsksForAPostponementTheChairDecides() throws Exception {
    agendaSent();
    List<String> declining = ROSTER.subList(7, 15);
    for (String member : declining) {
      assertThat(postReply(link(member + "@example.org", "Не смогу"), "ABSENT", "Командировка").getResponse()
          .getStatus()).isEqualTo(200);
    }
    clockAt(FORECAST_MOMENT);
    assertThat(meeting.timerDue(MeetingProcess.Elements.QUORUM_FORECAST_DUE)).isTrue();
    meeting.executeJob(MeetingProcess.Elements.QUORUM_FORECAST_DUE);
    meeting.executeJob(MeetingProcess.Elements.CHECK_QUORUM_FORECAST);

    // the silent members are reminded with their links, those who replied are not
    assertThat(remindedAddresses()).containsExactlyInAnyOrderElementsOf(
        ROSTER.subList(0, 7).stream().map(m -> m + "@example.org").toList());
    Task threat = meeting.task(MeetingProcess.Elements.QUORUM_THREAT);
    assertThat(threat.getAssignee()).isEqualTo(CHAIR);
    assertThat(engine.getTaskService().getVariable(threat.getId(), ATTENDANCE_FORECAST.name())).asString()
        .contains("не смогут 8", "Кворум под угрозой: даже если придут все не ответившие, будет 7 из 15");

    meeting.complete(MeetingProcess.Elements.QUORUM_THREAT, CHAIR, Map.of(
        THREAT_DECISION.name(), "POSTPONE", THREAT_NEW_START.name(), "2026-12-23T14:30+07:00",
        THREAT_REASON.name(), "Большинство членов в командировке"));

    ProcessInstance request = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(StaffRequestProcesses.POSTPONE_KEY).variableValueEquals(
            StaffRequestProcesses.MEETING_REF.name(), meeting.key()).singleResult();
    assertThat(request).as("the normal postponement request").isNotNull();
    Task decision = meeting.requestTask(request);
    assertThat(decision.getTaskDefinitionKey()).isEqualTo(StaffRequestProcesses.Elements.DECIDE_POSTPONEMENT);
    assertThat(decision.getAssignee()).isEqualTo(CHAIR);
    assertThat(record.events(meeting.key()).stream().map(Event::details))
        .anyMatch(d -> d.startsWith("Кворум под угрозой: Соколов Андрей Викторович просит перенести заседание"))
        .anyMatch(d -> d.startsWith("Председательствующий (Соколов Андрей Викторович) просит перенести заседание"));

    // the chair approves: replies given for the old date no longer count, the old links are over, the postponement
    // mail carries new ones
    String oldLink = link("vasiliev@example.org", "Буду очно");
    meeting.approveRequest(request, CHAIR);
    meeting.executeJob(MeetingProcess.Elements.APPLY_POSTPONEMENT);
    assertThat(replies.forecast(meeting.key()).absent()).isZero();
    MvcResult moved = http.perform(get(oldLink)).andReturn();
    assertThat(moved.getResponse().getStatus()).isEqualTo(410);
    assertThat(html(moved)).contains("Заседание перенесено на 23 декабря 2026");
    String newLink = link("vasiliev@example.org", "Буду очно");
    assertThat(newLink).isNotEqualTo(oldLink);
    assertThat(postReply(newLink, "IN_PERSON", null).getResponse().getStatus()).isEqualTo(200);
    assertThat(replies.forecast(meeting.key()).inPerson()).isEqualTo(1);
  }

  @Test
  void aForecastThatCanStillMakeAQuorumOnlyRemindsTheSilentMembers() throws Exception {
    agendaSent();
    for (String member : ROSTER.subList(8, 15)) {
      postReply(link(member + "@example.org", "Не смогу"), "ABSENT", null);
    }
    clockAt(FORECAST_MOMENT);
    meeting.executeJob(MeetingProcess.Elements.QUORUM_FORECAST_DUE);
    meeting.executeJob(MeetingProcess.Elements.CHECK_QUORUM_FORECAST);

    assertThat(remindedAddresses()).hasSize(8);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meeting.instance.getId())
        .taskDefinitionKey(MeetingProcess.Elements.QUORUM_THREAT).count()).as("8 may still come: 8 of 15").isZero();
    assertThat(record.events(meeting.key())).filteredOn(e -> e.kind() == MeetingEventKind.QUORUM_FORECAST)
        .singleElement().satisfies(e -> assertThat(e.details()).contains("не смогут 7",
            "Кворум ответами пока не подтверждён", "направлено не ответившим: 8"));
  }

  @Test
  void aMemberRepliesInTasklistForHimselfAndALaterReplyReplacesTheEarlier() {
    agendaSent();
    meeting.startRequest(StaffRequestProcesses.ATTENDANCE_REPLY_KEY, "vasiliev", Map.of(
        StaffRequestProcesses.MEETING_REF.name(), meeting.ref(), StaffRequestProcesses.REPLY_ANSWER.name(), "ABSENT",
        StaffRequestProcesses.REPLY_POSITION.name(), "Отпуск"));
    assertThat(replies.forecast(meeting.key()).absent()).isEqualTo(1);
    meeting.startRequest(StaffRequestProcesses.ATTENDANCE_REPLY_KEY, "vasiliev", Map.of(
        StaffRequestProcesses.MEETING_REF.name(), meeting.ref(), StaffRequestProcesses.REPLY_ANSWER.name(),
        "BY_VIDEO"));
    assertThat(replies.current(meeting.key())).singleElement().satisfies(r -> {
      assertThat(r.respondent()).isEqualTo("vasiliev");
      assertThat(r.answer()).isEqualTo(ReplyAnswer.BY_VIDEO);
      assertThat(r.via()).isEqualTo(ReplyChannel.TASKLIST);
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_attendance_reply WHERE business_key = ?", Integer.class,
        meeting.key())).as("the earlier reply is kept in the record").isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), ATTENDANCE_FORECAST.name()))
        .asString().contains("будут 1 из 15 (очно 0, по ВКС 1), не смогут 0");

    // someone outside the roster cannot reply (the secretariat has no roster seat), and nothing is recorded
    assertThatThrownBy(() -> meeting.startRequest(StaffRequestProcesses.ATTENDANCE_REPLY_KEY, "smirnova", Map.of(
        StaffRequestProcesses.MEETING_REF.name(), meeting.ref(), StaffRequestProcesses.REPLY_ANSWER.name(),
        "IN_PERSON"))).isInstanceOf(RuntimeException.class);
    assertThat(replies.current(meeting.key())).hasSize(1);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private void agendaSent() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(MeetingProcess.Elements.SEND_AGENDA);
  }

  private MvcResult postReply(String link, String answer, String position) throws Exception {
    UriComponents uri = UriComponentsBuilder.fromUriString(link).build();
    var request = post(uri.getPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("token", URLDecoder.decode(uri.getQueryParams().getFirst("token"), StandardCharsets.UTF_8))
        .param("answer", answer);
    if (position != null) {
      request.param("position", position);
    }
    return http.perform(request).andReturn();
  }

  private static String html(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * The link labelled {@code label} in this meeting's latest mail to {@code address} that has one, as a path with its
   * query.
   */
  private String link(String address, String label) throws Exception {
    String found = null;
    for (MimeMessage message : mails(address)) {
      Matcher m = LINK.matcher(text(message));
      while (m.find()) {
        if (m.group(1).equals(label) && m.group(2).contains("/reply/" + meeting.key() + "/")) {
          UriComponents uri = UriComponentsBuilder.fromUriString(m.group(2)).build();
          found = uri.getPath() + "?" + uri.getQuery();
        }
      }
    }
    if (found == null) {
      throw new AssertionError("no link «" + label + "» of meeting " + meeting.key() + " in the mail to " + address);
    }
    return found;
  }

  /** Who got this meeting's reminder to reply. */
  private List<String> remindedAddresses() throws Exception {
    List<String> addresses = new ArrayList<>();
    for (MimeMessage message : mails(null)) {
      String subject = message.getSubject();
      if (subject.startsWith("Ответьте, пожалуйста") && text(message).contains("/reply/" + meeting.key() + "/")) {
        for (Address address : message.getAllRecipients()) {
          addresses.add(((InternetAddress) address).getAddress());
        }
      }
    }
    return addresses;
  }

  private List<MimeMessage> mails(String address) throws Exception {
    Path outbox = ((OutboxMailTransport) transport).directory();
    List<MimeMessage> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
          message = new MimeMessage(Session.getInstance(new Properties()), in);
          message.getContent();
        }
        boolean to = address == null;
        for (Address a : message.getAllRecipients()) {
          to |= ((InternetAddress) a).getAddress().equalsIgnoreCase(address == null ? "" : address);
        }
        if (to) {
          found.add(message);
        }
      }
    }
    return found;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString().replace("\r\n", "\n");
    }
    StringBuilder text = new StringBuilder();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i)));
      }
    }
    return text.toString();
  }
}
