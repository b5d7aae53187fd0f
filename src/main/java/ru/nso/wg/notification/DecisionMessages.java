package ru.nso.wg.notification;

import org.springframework.stereotype.Service;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.roster.IdentityDirectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of execution control (§ 8): the executor's reminder before an instruction's due date and the report
 * to the deputy chair when it is overdue. Sent through {@link Delivery}, filed in the delivery log under the
 * decision's key.
 */
@Service
public class DecisionMessages {

  private final Delivery delivery;
  private final MailTemplates templates;
  private final IdentityDirectory directory;
  private final MailSettings settings;

  public DecisionMessages(Delivery delivery, MailTemplates templates, IdentityDirectory directory,
                          MailSettings settings) {
    this.delivery = delivery;
    this.templates = templates;
    this.directory = directory;
    this.settings = settings;
  }

  public static String decisionReminderKind(DecisionNotice notice) {
    return "decision-reminder:" + RussianDates.localDate(notice.due().toOffsetDateTime());
  }

  public static String decisionOverdueKind(DecisionNotice notice) {
    return "decision-overdue:" + RussianDates.localDate(notice.due().toOffsetDateTime());
  }

  /**
   * § 8: the due date of an instruction is approaching — to the executor: the person, or every member of the
   * executor group. Sent once per decision and due date (an extension's new due date is a new reminder).
   */
  public DeliveryResult remindDecisionExecutor(DecisionNotice notice) {
    List<Recipient> recipients = notice.executorIsGroup() ? members(notice.executorId())
        : directory.user(notice.executorId()).map(Recipient::of).map(List::of).orElse(List.of());
    return decision("decision-reminder", decisionReminderKind(notice), notice, recipients);
  }

  /**
   * § 8: the due date of an instruction passed without an accepted report — to the deputy chair who controls its
   * execution (the members of the area group). Sent once per decision and due date.
   */
  public DeliveryResult escalateOverdueDecision(DecisionNotice notice) {
    return decision("decision-overdue", decisionOverdueKind(notice), notice, members(notice.controlAreaGroup()));
  }

  private DeliveryResult decision(String template, String kind, DecisionNotice notice, List<Recipient> recipients) {
    return delivery.deliver(notice.decisionKey(), kind, recipients, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("meetingTitle", notice.meetingTitle());
      values.put("itemNo", notice.itemNo());
      values.put("itemTitle", notice.itemTitle());
      values.put("decisionText", notice.decisionText());
      values.put("executorName", notice.executorName());
      values.put("controller", notice.controllerText());
      values.put("due", RussianDates.dateTime(notice.due()));
      values.put("dueDate", RussianDates.date(notice.due()));
      values.put("stage", notice.stageText());
      values.put("link", settings.linkOrTasklist(notice.link()));
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render(template, values);
      return new OutgoingMail(notice.decisionKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  private List<Recipient> members(String groupId) {
    return directory.members(groupId).stream().map(Recipient::of).toList();
  }
}
