package ru.nso.wg.notification;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.roster.RosterGroups;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** § 8 notices over SMTP: the executor's reminder (a person or a group) and the escalation to the deputy chair. */
class DecisionNotificationSmtpTest extends MailTestSupport {

  static final ZonedDateTime DUE = ZonedDateTime.of(2027, 3, 1, 18, 0, 0, 0, ZoneId.of("Asia/Novosibirsk"));

  @Autowired
  DecisionMessages notifications;

  private static DecisionNotice notice(String key, String executorId, boolean group) {
    return new DecisionNotice(key, "№ 3/2026 от 16.12.2026 14:30", 2, "О региональном стандарте",
        "Подготовить проект стандарта", executorId, group, group ? "Департамент" : "Кузнецова Елена Игоревна",
        "wg-area-digital", "Кузнецова Елена Игоревна", DUE, "ожидается отчёт исполнителя", null);
  }

  @Test
  void theReminderGoesToThePersonOnceAndTheEscalationToTheDeputyChairOfTheArea() throws Exception {
    DecisionNotice notice = notice("2026-3/2", "vasiliev", false);

    notifications.remindDecisionExecutor(notice);
    DeliveryResult again = notifications.remindDecisionExecutor(notice);
    notifications.escalateOverdueDecision(notice);

    assertThat(again.sent()).isEmpty();
    assertThat(again.alreadySent()).hasSize(1);
    List<MimeMessage> reminders = received("2026-3/2", DecisionMessages.decisionReminderKind(notice));
    assertThat(recipients(reminders)).containsExactly("vasiliev@example.org");
    assertThat(reminders.get(0).getSubject())
        .isEqualTo("Напоминание: срок исполнения поручения — 1 марта 2027 г. (№ 3/2026 от 16.12.2026 14:30, вопрос 2)");
    assertThat(text(part(reminders.get(0), "text/plain", false)))
        .contains("Решение: Подготовить проект стандарта", "Срок исполнения: 1 марта 2027 г. в 18:00");
    List<MimeMessage> escalations = received("2026-3/2", DecisionMessages.decisionOverdueKind(notice));
    assertThat(recipients(escalations)).containsExactly("kuznetsova@example.org");
    assertThat(text(part(escalations.get(0), "text/plain", false)))
        .contains("Истёк срок исполнения поручения", "Сейчас: ожидается отчёт исполнителя");
  }

  @Test
  void aGroupExecutorIsRemindedPersonByPerson() throws Exception {
    DecisionNotice notice = notice("2026-3/4", RosterGroups.SECRETARIAT, true);

    DeliveryResult result = notifications.remindDecisionExecutor(notice);

    assertThat(result.sent()).hasSize(2);
    assertThat(recipients(received("2026-3/4", DecisionMessages.decisionReminderKind(notice))))
        .containsExactlyInAnyOrder("smirnova@example.org", "popov@example.org");
  }

  @Test
  void anUnknownPersonIsNobodyToWriteTo() {
    assertThat(notifications.remindDecisionExecutor(notice("2026-3/5", "nobody-here", false)).deliveredCount())
        .isZero();
  }
}
