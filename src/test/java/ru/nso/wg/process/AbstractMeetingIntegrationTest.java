package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.notification.MailSettings;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.nso.wg.process.MeetingProcess.Vars.PUBLICATION_URL;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.INFO_POLICY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * A whole meeting on the running application with the job executor on: async steps (e-mail, documents, quorum)
 * and timers run as in production; the test waits for their effects (Awaitility, no sleeps). Run on H2 and on
 * PostgreSQL by the two subclasses.
 */
abstract class AbstractMeetingIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired MeetingRecord record;
  @Autowired DocumentStore documents;
  @Autowired MailSettings mail;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWholeMeetingRunsWithTheJobExecutor() throws IOException {
    clockAt("2026-11-30T09:00+07:00");
    MeetingScenario meeting = new MeetingScenario(engine, true);
    meeting.start("2026-12-16T14:30+07:00");
    String key = meeting.key();
    meeting.confirmChairPresides();
    meeting.prepareAgenda(2);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    await().atMost(Duration.ofMinutes(2)).until(() -> record.get(key).status() == MeetingStatus.AGENDA_SENT);

    // the meeting's time comes: the job executor fires the timer
    clockAt("2026-12-16T14:30+07:00");
    meeting.awaitTask(Elements.RECORD_ATTENDANCE);
    meeting.recordAttendance(ROSTER.subList(0, 9), List.of(ROSTER.get(9)));
    meeting.awaitTask(Elements.RECORD_VOTE);
    meeting.vote(ROSTER.subList(0, 8), List.of(ROSTER.get(8)), List.of(ROSTER.get(9)));
    meeting.awaitTask(Elements.RECORD_VOTE);
    meeting.vote(ROSTER.subList(0, 3), ROSTER.subList(3, 10), List.of());
    meeting.awaitTask(Elements.DRAFT_MINUTES);
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    meeting.awaitTask(Elements.PUBLISH_MEETING_INFO);
    meeting.complete(Elements.PUBLISH_MEETING_INFO, INFO_POLICY,
        Map.of(PUBLICATION_URL.name(), "https://www.nso.ru/news/wg-2026-12"));

    await().atMost(Duration.ofMinutes(2)).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(meeting.instance.getId()).count() == 0);
    assertThat(record.get(key).status()).isEqualTo(MeetingStatus.PUBLISHED);
    assertThat(record.decisions(key)).extracting(d -> d.outcome()).containsExactly(Decision.ADOPTED, Decision.REJECTED);
    assertThat(documents.verify(key).intact()).isTrue();
    try (Stream<Path> files = Files.walk(mail.outboxDir())) {
      List<String> mails = files.filter(f -> f.toString().endsWith(".eml")).map(Path::toString).toList();
      // the agenda to 15 members, copies of the minutes to 15 members and 1 invitee with an address
      assertThat(mails).hasSizeGreaterThanOrEqualTo(31);
    }
  }
}
