package ru.nso.wg.process;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.notification.DeliveryLog;
import ru.nso.wg.notification.MailTransport;
import ru.nso.wg.notification.NotificationMode;
import ru.nso.wg.notification.NotificationPreferences;
import ru.nso.wg.notification.OutboxMailTransport;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.roster.RosterGroups;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * Issue 16, point 4: people learn that work waits for them. A task's holder (its assignee, else each member of its
 * candidate groups, once) is told by e-mail what is asked, for which meeting, by when, with a direct link to the task
 * in Tasklist; the chair's confirmation is assigned to the chair; a deadline reminder reaches the task's holder;
 * who chose the daily digest gets one message a day instead. The messages leave in a job after the task's
 * transaction committed; the tests run those jobs themselves.
 */
class TaskNotificationProcessTest extends AbstractMeetingProcessTest {

  @Autowired MailTransport transport;
  @Autowired PlatformTransactionManager transactions;
  @Autowired NotificationPreferences preferences;
  @Autowired DailyDigestTrigger digestTrigger;
  @Autowired DeliveryLog deliveryLog;

  /** A message in the outbox: whom it went to, its subject, its plain text and HTML, and its headers' kind. */
  record Mail(String to, String subject, String text, String meeting, String kind) {
  }

  @Test
  void theChairFindsTheConfirmationInHisOwnTasksAndIsToldByMailWithTheLink() throws Exception {
    meeting.start(MEETING);
    Task task = meeting.task(MeetingProcess.Elements.CONFIRM_MEETING);
    assertThat(task.getAssignee()).as("assignee of the chair's confirmation («Мои задачи» without claiming)")
        .isEqualTo(CHAIR);

    runTaskNotices();

    List<Mail> mails = mailsLinkingTo(task);
    assertThat(mails).extracting(Mail::to).as("told of the confirmation").containsExactly(email(CHAIR));
    Mail mail = mails.get(0);
    assertThat(mail.subject()).contains("Подтвердить дату, формат и приглашённых");
    assertThat(mail.text()).contains("Подтвердить дату, формат и приглашённых")
        .contains("заседание № " + meeting.ref() + " от 16.12.2026")
        .contains("Срок: не установлен")
        .contains("http://127.0.0.1:8080/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  @Test
  void aGroupTaskIsMailedOnceToEachMemberWithItsDeadlineAndNotAgainWhenClaimed() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    Task agenda = meeting.task(MeetingProcess.Elements.PREPARE_AGENDA);

    runTaskNotices();
    runTaskNotices();

    List<String> secretariat = emails(RosterGroups.SECRETARIAT);
    assertThat(secretariat).isNotEmpty();
    List<Mail> mails = mailsLinkingTo(agenda);
    assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrderElementsOf(secretariat);
    assertThat(mails.get(0).text()).contains("Сформировать повестку заседания")
        .contains("Срок: до 09.12.2026 18:00 (время новосибирское)")
        .contains("заседание № " + meeting.ref() + " от 16.12.2026");

    meeting.as(SECRETARY, () -> engine.getTaskService().claim(agenda.getId(), SECRETARY));
    runTaskNotices();
    assertThat(mailsLinkingTo(agenda)).as("claiming tells nobody again").hasSize(secretariat.size());
  }

  @Test
  void aDeadlineReminderReachesThePersonHoldingTheTaskOnceBesideTheSecretariat() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    Task agenda = meeting.task(MeetingProcess.Elements.PREPARE_AGENDA);
    // the secretariat hands its task to a deputy chair (outside the secretariat) to prepare
    engine.getTaskService().setAssignee(agenda.getId(), "lebedeva");

    clockAt("2026-12-07T18:00+07:00");
    meeting.executeJob(MeetingProcess.Elements.AGENDA_REMINDER);
    meeting.executeJob(MeetingProcess.Elements.REMIND_AGENDA);

    List<String> reminded = mails().stream()
        .filter(m -> meeting.key().equals(m.meeting()) && m.kind() != null && m.kind().startsWith("reminder:"))
        .map(Mail::to).toList();
    List<String> expected = new ArrayList<>(emails(RosterGroups.SECRETARIAT));
    expected.add(email("lebedeva"));
    assertThat(reminded).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aTaskCreatedInATransactionThatRollsBackIsMailedToNobody() throws Exception {
    AtomicReference<String> taskId = new AtomicReference<>();
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      meeting.start(MEETING);
      taskId.set(meeting.task(MeetingProcess.Elements.CONFIRM_MEETING).getId());
      throw new IllegalStateException("rolled back after the task was created");
    })).hasMessageContaining("rolled back");
    assertThat(taskId.get()).isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId.get()).count()).isZero();

    runTaskNotices();

    assertThat(mails()).noneMatch(m -> m.text().contains("?task=" + taskId.get()));
  }

  @Test
  void whoChoseTheDailyDigestGetsNoMessagePerTaskButOneDigestFromTheHour() throws Exception {
    preferences.set(SECRETARY, SECRETARY, NotificationMode.DAILY_DIGEST);
    try {
      meeting.start(MEETING);
      meeting.confirmChairPresides();
      Task agenda = meeting.task(MeetingProcess.Elements.PREPARE_AGENDA);
      runTaskNotices();
      List<String> perTask = mailsLinkingTo(agenda).stream().map(Mail::to).toList();
      assertThat(perTask).doesNotContain(email(SECRETARY)).isNotEmpty();

      clockAt("2026-12-01T07:59+07:00");
      assertThat(digestTrigger.tick()).as("before the digest hour (8, Novosibirsk)").isNull();
      clockAt("2026-12-01T08:00+07:00");
      assertThat(digestTrigger.tick()).isEqualTo(LocalDate.parse("2026-12-01"));
      assertThat(digestTrigger.tick()).as("the day's digest is started once").isNull();
      runTaskNotices();
      runTaskNotices();

      List<Mail> digests = mails().stream().filter(m -> "digest:2026-12-01".equals(m.kind())).toList();
      assertThat(digests).extracting(Mail::to).containsExactly(email(SECRETARY));
      assertThat(digests.get(0).text()).contains("Сформировать повестку заседания")
          .contains("заседание № " + meeting.ref() + " от 16.12.2026")
          .contains("срок: до 09.12.2026 18:00 (время новосибирское)")
          .contains("/camunda/app/tasklist/default/#/?task=" + agenda.getId());
      assertThat(mailsLinkingTo(agenda)).extracting(Mail::to).doesNotContain(email(SECRETARY));
    } finally {
      preferences.set(SECRETARY, SECRETARY, NotificationMode.EACH_TASK);
    }
  }

  @Test
  void aMessageLeftInDoubtByACrashIsSettledEvenWhenTheTaskWasDoneMeanwhile() throws Exception {
    meeting.start(MEETING);
    Task task = meeting.task(MeetingProcess.Elements.CONFIRM_MEETING);
    String kind = "task:" + task.getId();
    // an earlier attempt died between handing the message over and recording it (DeliveryLog: «sending»)
    Recipient chair = new Recipient(CHAIR, "Соколов Андрей Викторович", "Андрей Викторович", email(CHAIR));
    deliveryLog.claim(meeting.key(), kind, chair, "<in-doubt@test>", "Новая задача", "outbox");
    meeting.confirmChairPresides();

    runTaskNotices();

    assertThat(deliveryLog.inDoubt(meeting.key(), kind)).as("nothing left «sending»").isEmpty();
    assertThat(deliveryLog.isDelivered(meeting.key(), kind, chair.deliveryKey())).isTrue();
    assertThat(mailsLinkingTo(task)).extracting(Mail::to).containsExactly(email(CHAIR));
  }

  @Test
  void aMessageLeftInDoubtIsSettledEvenWhenTheTaskWentToSomeoneElseMeanwhile() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    Task agenda = meeting.task(MeetingProcess.Elements.PREPARE_AGENDA);
    String kind = "task:" + agenda.getId();
    // the first attempt died while telling another member of the secretariat; then the secretary took the task
    User other = engine.getIdentityService().createUserQuery().memberOfGroup(RosterGroups.SECRETARIAT).list().stream()
        .filter(u -> !u.getId().equals(SECRETARY)).findFirst().orElseThrow();
    Recipient inDoubt = new Recipient(other.getId(), other.getFirstName() + " " + other.getLastName(),
        other.getFirstName(), other.getEmail());
    deliveryLog.claim(meeting.key(), kind, inDoubt, "<in-doubt@test>", "Новая задача", "outbox");
    meeting.as(SECRETARY, () -> engine.getTaskService().claim(agenda.getId(), SECRETARY));

    runTaskNotices();

    assertThat(deliveryLog.inDoubt(meeting.key(), kind)).as("nothing left «sending»").isEmpty();
    assertThat(deliveryLog.isDelivered(meeting.key(), kind, inDoubt.deliveryKey())).isTrue();
    assertThat(mailsLinkingTo(agenda)).extracting(Mail::to)
        .containsExactlyInAnyOrder(email(SECRETARY), other.getEmail());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** Runs the jobs no process instance owns (the task notices), as the job executor would after the commit. */
  void runTaskNotices() {
    List<Job> jobs = engine.getManagementService().createJobQuery().messages().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).toList();
    for (Job job : jobs) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  /** The messages telling of the task (not the digests that list it too). */
  List<Mail> mailsLinkingTo(Task task) throws Exception {
    return mails().stream().filter(m -> m.text().contains("?task=" + task.getId()))
        .filter(m -> m.kind() == null || !m.kind().startsWith("digest:")).toList();
  }

  String email(String userId) {
    return engine.getIdentityService().createUserQuery().userId(userId).singleResult().getEmail();
  }

  List<String> emails(String groupId) {
    return engine.getIdentityService().createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).toList();
  }

  List<Mail> mails() throws Exception {
    Path outbox = ((OutboxMailTransport) transport).directory();
    List<Mail> mails = new ArrayList<>();
    if (!Files.isDirectory(outbox)) {
      return mails;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
          message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        String text = text(message);
        for (Address address : message.getAllRecipients()) {
          mails.add(new Mail(((InternetAddress) address).getAddress(), message.getSubject(), text,
              message.getHeader("X-WG-Meeting", null), message.getHeader("X-WG-Message-Kind", null)));
        }
      }
    }
    return mails;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/*")) {
      return part.getContent().toString();
    }
    StringBuilder text = new StringBuilder();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i))).append('\n');
      }
    }
    return text.toString();
  }
}
