package ru.nso.wg.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import ru.nso.wg.document.DocumentService;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.Texts;
import ru.nso.wg.notification.MailComposer.Attachment;
import ru.nso.wg.notification.MailComposer.CalendarPart;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailTemplates.Html;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.roster.RosterGroups;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * E-mail notifications of the meeting process. Meant to be called from asynchronous service tasks with a retry
 * cycle (e.g. {@code R5/PT5M}):
 * <ul>
 *   <li>one message per recipient; a recipient already sent this message (delivery log, see {@link DeliveryLog})
 *       is skipped, so a retried job never sends a message twice;</li>
 *   <li>a recipient without a valid address is a <em>gap</em> in the result, never an error;</li>
 *   <li>when the mail server fails, the call throws {@link NotificationException} after the recipients sent so
 *       far are logged: the job retries, finally becomes an incident, and once the server is back and the incident
 *       is retried, the remaining recipients get the message — each exactly once.</li>
 * </ul>
 * Members are the users of group {@code wg-members} (Camunda identity); invitees come from {@link MeetingInfo}.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final MailTransport transport;
  private final MailComposer composer;
  private final MailTemplates templates;
  private final CalendarInvitations calendar;
  private final DeliveryLog log;
  private final RecipientDirectory directory;
  private final DocumentService documents;
  private final DocumentStore store;
  private final MailSettings settings;

  public NotificationService(MailTransport transport, MailComposer composer, MailTemplates templates,
                             CalendarInvitations calendar, DeliveryLog log, RecipientDirectory directory,
                             DocumentService documents, DocumentStore store, MailSettings settings) {
    this.transport = transport;
    this.composer = composer;
    this.templates = templates;
    this.calendar = calendar;
    this.log = log;
    this.directory = directory;
    this.documents = documents;
    this.store = store;
    this.settings = settings;
  }

  // ---------------------------------------------------------------------------------------------- message kinds

  public static String agendaKind(int sequence) {
    return "agenda#" + sequence;
  }

  public static String invitationKind(int sequence) {
    return "invitation#" + sequence;
  }

  public static String postponementKind(int sequence) {
    return "postponement#" + sequence;
  }

  public static final String CANCELLATION = "cancellation";
  public static final String MINUTES_COPY = "minutes-copy";
  public static final String PUBLICATION_REQUEST = "publication-request";

  public static String escalationKind(DeadlineNotice notice) {
    return "escalation:" + notice.deadlineId() + ":" + notice.due().withZoneSameInstant(RussianDates.ZONE)
        .format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  public static String reminderKind(DeadlineNotice notice) {
    return "reminder:" + notice.deadlineId() + ":" + notice.due().withZoneSameInstant(RussianDates.ZONE)
        .format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  // ------------------------------------------------------------------------------------------------ the calls

  /**
   * § 14: the agenda to every member (group {@code wg-members}) with links to the materials, the agenda as DOCX
   * and a calendar invitation ({@code METHOD:REQUEST}, SEQUENCE = {@link MeetingInfo#icsSequence()}).
   */
  public DeliveryResult distributeAgenda(MeetingInfo meeting) {
    byte[] agenda = documents.agenda(meeting);
    Attachment attachment = new Attachment(DocumentService.agendaFileName(meeting), DOCX, agenda);
    return deliver(meeting.businessKey(), agendaKind(meeting.icsSequence()),
        directory.groupMembers(RosterGroups.MEMBERS), r -> {
          Rendered rendered = templates.render("agenda", meetingValues(meeting, r));
          return new OutgoingMail(meeting.businessKey(), agendaKind(meeting.icsSequence()), r, rendered.subject(),
              rendered.text(), rendered.html(), invitation(meeting, r), List.of(attachment));
        });
  }

  /** § 14: a notice with a calendar invitation to each invitee of the meeting. */
  public DeliveryResult notifyInvitees(MeetingInfo meeting) {
    String kind = invitationKind(meeting.icsSequence());
    return deliver(meeting.businessKey(), kind, invitees(meeting), r -> {
      Rendered rendered = templates.render("invitation", meetingValues(meeting, r));
      return new OutgoingMail(meeting.businessKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          invitation(meeting, r), List.of());
    });
  }

  /**
   * A postponement: an updated invitation (same UID, SEQUENCE = {@link MeetingInfo#icsSequence()}, which the
   * caller has incremented) to everyone who was sent an invitation for this meeting before (agenda distribution,
   * invitee notice, an earlier postponement) — the calendars that hold the event. Those not yet invited get the
   * invitation with the new date when the agenda is distributed.
   *
   * @param meeting       the meeting with its new date and incremented {@code icsSequence}
   * @param previousStart the date and time it was moved from
   * @param reason        the reason, may be empty
   */
  public DeliveryResult notifyPostponement(MeetingInfo meeting, ZonedDateTime previousStart, String reason) {
    String kind = postponementKind(meeting.icsSequence());
    List<Recipient> recipients = log.recipientsOf(meeting.businessKey(), List.of("agenda#", "invitation#", "postponement#"));
    return deliver(meeting.businessKey(), kind, recipients, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("previousDateTime", RussianDates.dateTime(previousStart));
      values.put("reason", reasonText(reason));
      Rendered rendered = templates.render("postponement", values);
      return new OutgoingMail(meeting.businessKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          invitation(meeting, r), List.of());
    });
  }

  /**
   * A cancellation ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}, SEQUENCE = icsSequence + 1) with the reason, to
   * everyone who was sent an invitation for this meeting.
   */
  public DeliveryResult notifyCancellation(MeetingInfo meeting, String reason) {
    List<Recipient> recipients = log.recipientsOf(meeting.businessKey(), List.of("agenda#", "invitation#", "postponement#"));
    return deliver(meeting.businessKey(), CANCELLATION, recipients, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("reason", reasonText(reason));
      Rendered rendered = templates.render("cancellation", values);
      String ics = calendar.cancel(meeting, r, summary(meeting), "Заседание отменено. " + reasonText(reason));
      return new OutgoingMail(meeting.businessKey(), CANCELLATION, r, rendered.subject(), rendered.text(),
          rendered.html(), new CalendarPart("CANCEL", ics), List.of());
    });
  }

  /**
   * § 19: copies of the signed minutes (DOCX attached) to every member and every invitee of the meeting. The minutes
   * must have been signed ({@link DocumentStore#sign}); otherwise this throws.
   */
  public DeliveryResult sendMinutesCopies(MeetingInfo meeting) {
    StoredDocument signed = signedMinutes(meeting.businessKey());
    List<Recipient> recipients = new ArrayList<>(directory.groupMembers(RosterGroups.MEMBERS));
    recipients.addAll(invitees(meeting));
    Attachment attachment = new Attachment(signed.fileName(), signed.contentType(), signed.content());
    return deliver(meeting.businessKey(), MINUTES_COPY, recipients, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("minutesUrl", minutesUrl(meeting.businessKey()));
      values.put("sha256", signed.sha256());
      Rendered rendered = templates.render("minutes-copy", values);
      return new OutgoingMail(meeting.businessKey(), MINUTES_COPY, r, rendered.subject(), rendered.text(),
          rendered.html(), null, List.of(attachment));
    });
  }

  /**
   * § 19: the request to the information-policy department (group {@code wg-info-policy}) to publish the
   * information about the meeting on the Government's official website: date, format, agenda and the decisions,
   * with the signed minutes attached.
   */
  public DeliveryResult requestPublication(MinutesModel minutes) {
    MeetingInfo meeting = minutes.meeting();
    StoredDocument signed = signedMinutes(meeting.businessKey());
    Attachment attachment = new Attachment(signed.fileName(), signed.contentType(), signed.content());
    return deliver(meeting.businessKey(), PUBLICATION_REQUEST, directory.groupMembers(RosterGroups.INFO_POLICY), r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("decisionsHtml", decisionsHtml(minutes));
      values.put("decisionsText", decisionsText(minutes));
      values.put("minutesUrl", minutesUrl(meeting.businessKey()));
      Rendered rendered = templates.render("publication-request", values);
      return new OutgoingMail(meeting.businessKey(), PUBLICATION_REQUEST, r, rendered.subject(), rendered.text(),
          rendered.html(), null, List.of(attachment));
    });
  }

  /**
   * A missed deadline: to the people of the responsible group and to the chair's office (group {@code wg-chair}).
   * Sent once per deadline and due date.
   */
  public DeliveryResult escalate(DeadlineNotice notice) {
    List<Recipient> recipients = new ArrayList<>(directory.groupMembers(notice.responsibleGroupId()));
    recipients.addAll(directory.groupMembers(RosterGroups.CHAIR));
    return deadline("deadline-escalation", escalationKind(notice), notice, recipients);
  }

  /** A deadline approaching: to the people of the responsible group. Sent once per deadline and due date. */
  public DeliveryResult remind(DeadlineNotice notice) {
    return deadline("deadline-reminder", reminderKind(notice), notice,
        directory.groupMembers(notice.responsibleGroupId()));
  }

  public static String decisionReminderKind(DecisionNotice notice) {
    return "decision-reminder:" + notice.due().withZoneSameInstant(RussianDates.ZONE).format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  public static String decisionOverdueKind(DecisionNotice notice) {
    return "decision-overdue:" + notice.due().withZoneSameInstant(RussianDates.ZONE).format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  /**
   * § 8: the due date of an instruction is approaching — to the executor: the person, or every member of the
   * executor group. Sent once per decision and due date (an extension's new due date is a new reminder).
   */
  public DeliveryResult remindDecisionExecutor(DecisionNotice notice) {
    List<Recipient> recipients = notice.executorIsGroup() ? directory.groupMembers(notice.executorId())
        : directory.user(notice.executorId()).map(List::of).orElse(List.of());
    return decision("decision-reminder", decisionReminderKind(notice), notice, recipients);
  }

  /**
   * § 8: the due date of an instruction passed without an accepted report — to the deputy chair who controls its
   * execution (the members of the area group). Sent once per decision and due date.
   */
  public DeliveryResult escalateOverdueDecision(DecisionNotice notice) {
    return decision("decision-overdue", decisionOverdueKind(notice), notice,
        directory.groupMembers(notice.controlAreaGroup()));
  }

  // ------------------------------------------------------------------------------------------------ the engine

  private DeliveryResult deadline(String template, String kind, DeadlineNotice notice, List<Recipient> recipients) {
    String groupName = directory.groupName(notice.responsibleGroupId());
    return deliver(notice.meetingKey(), kind, recipients, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("subject", notice.subject());
      values.put("deadlineTitle", notice.deadlineTitle());
      values.put("clause", notice.clause());
      values.put("due", RussianDates.dateTime(notice.due()));
      values.put("dueDate", RussianDates.date(notice.due()));
      values.put("responsibleGroup", groupName);
      values.put("link", notice.link().isEmpty() ? settings.appUrl() + "/camunda/app/tasklist/" : notice.link());
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render(template, values);
      return new OutgoingMail(notice.meetingKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  private DeliveryResult decision(String template, String kind, DecisionNotice notice, List<Recipient> recipients) {
    return deliver(notice.decisionKey(), kind, recipients, r -> {
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
      values.put("link", notice.link().isEmpty() ? settings.appUrl() + "/camunda/app/tasklist/" : notice.link());
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render(template, values);
      return new OutgoingMail(notice.decisionKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  /**
   * Sends one message per distinct address, skipping those already delivered, and logs each delivery in its own
   * committed transaction right after the server accepted it.
   */
  /**
   * The server's reason when it rejected {@code address} permanently (an SMTP 5xx reply to RCPT TO, reported by
   * Jakarta Mail as an invalid address of a {@link jakarta.mail.SendFailedException}). Connection failures and
   * temporary (4xx) rejections are not permanent: the job fails and is retried.
   */
  static java.util.Optional<String> permanentRejection(Throwable error, String address) {
    java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>(List.of(error));
    java.util.Set<Throwable> visited = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      Throwable t = pending.pop();
      if (!visited.add(t)) {
        continue;
      }
      if (t instanceof jakarta.mail.SendFailedException failed && failed.getInvalidAddresses() != null) {
        for (jakarta.mail.Address invalid : failed.getInvalidAddresses()) {
          if (invalid instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(address)) {
            return java.util.Optional.of(String.valueOf(failed.getMessage()).trim());
          }
        }
      }
      if (t instanceof org.springframework.mail.MailSendException send) {
        pending.addAll(send.getFailedMessages().values());
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
    }
    return java.util.Optional.empty();
  }

  DeliveryResult deliver(String meetingKey, String kind, List<Recipient> candidates,
                         Function<Recipient, OutgoingMail> compose) {
    List<Recipient> sent = new ArrayList<>();
    List<Recipient> alreadySent = new ArrayList<>();
    List<DeliveryGap> gaps = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Recipient recipient : candidates) {
      if (!recipient.hasEmail()) {
        gaps.add(new DeliveryGap(recipient, DeliveryGap.NO_ADDRESS));
        continue;
      }
      if (!validAddress(recipient.email())) {
        gaps.add(new DeliveryGap(recipient, "некорректный адрес электронной почты «" + recipient.email() + "»"));
        continue;
      }
      if (!seen.add(recipient.deliveryKey())) {
        continue; // the same address twice (e.g. a member who is also in the chair's office)
      }
      if (log.isDelivered(meetingKey, kind, recipient.deliveryKey())) {
        alreadySent.add(recipient);
        continue;
      }
      OutgoingMail mail = compose.apply(recipient);
      MimeMessage message = transport.newMessage();
      composer.fill(message, mail);
      try {
        transport.send(message);
      } catch (RuntimeException e) {
        java.util.Optional<String> rejection = permanentRejection(e, recipient.email());
        if (rejection.isPresent()) {
          // the server refused this address for good (5xx): retrying cannot help, the others must not wait
          gaps.add(new DeliveryGap(recipient, "почтовый сервер отклонил адрес «" + recipient.email() + "»: "
              + rejection.get()));
          continue;
        }
        throw new NotificationException("Не удалось отправить письмо «" + mail.subject() + "» получателю "
            + recipient.email() + " (" + kind + ", заседание " + meetingKey + "): " + rootMessage(e)
            + ". Отправлено до сбоя: " + sent.size() + "; при повторе им письмо не будет отправлено повторно.", e);
      }
      log.recordDelivered(meetingKey, kind, recipient,
          MailComposer.messageId(meetingKey, kind, recipient.deliveryKey()), mail.subject(), transport.name());
      sent.add(recipient);
    }
    if (!gaps.isEmpty()) {
      LOG.warn("{} for {}: no e-mail sent to {}", kind, meetingKey, gaps.stream().map(DeliveryGap::text).toList());
    }
    LOG.info("{} for {}: sent {}, already sent {}, gaps {}", kind, meetingKey, sent.size(), alreadySent.size(),
        gaps.size());
    return new DeliveryResult(meetingKey, kind, sent, alreadySent, gaps);
  }

  private static boolean validAddress(String email) {
    try {
      new InternetAddress(email, true).validate();
      return email.contains("@");
    } catch (AddressException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private StoredDocument signedMinutes(String meetingKey) {
    return store.signedMinutes(meetingKey).orElseThrow(() -> new NotificationException(
        "Протокол заседания " + meetingKey + " ещё не подписан: рассылать нечего"));
  }

  private static List<Recipient> invitees(MeetingInfo meeting) {
    return meeting.invitees().stream()
        .map(i -> new Recipient(null, i.name(), Texts.givenNames(i.name()), i.email()))
        .toList();
  }

  private CalendarPart invitation(MeetingInfo meeting, Recipient r) {
    return new CalendarPart("REQUEST", calendar.request(meeting, r, summary(meeting), agendaText(meeting)));
  }

  static String summary(MeetingInfo meeting) {
    return Texts.joinNonBlank(" ", "Заседание рабочей группы по внедрению клиентоцентричности", meeting.numberText());
  }

  private static String reasonText(String reason) {
    return reason == null || reason.isBlank() ? "не указана" : reason.trim();
  }

  private String minutesUrl(String meetingKey) {
    return settings.appUrl() + "/api/meetings/" + meetingKey + "/minutes.docx";
  }

  private Map<String, Object> meetingValues(MeetingInfo meeting, Recipient r) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("greeting", r.greeting());
    values.put("meetingTitle", meeting.title());
    values.put("meetingNumber", meeting.numberText());
    values.put("meetingDate", RussianDates.date(meeting.start()));
    values.put("meetingTime", RussianDates.time(meeting.start()));
    values.put("meetingDateTime", RussianDates.dateTime(meeting.start()));
    values.put("format", meeting.formatText());
    values.put("location", meeting.location());
    values.put("presiding", meeting.presiding() == null ? "" : Texts.joinNonBlank(", ",
        meeting.presiding().name(), meeting.presiding().position(), meeting.presiding().instructionText()));
    values.put("agendaHtml", agendaHtml(meeting));
    values.put("agendaText", agendaText(meeting));
    values.put("inviteesText", meeting.invitees().stream().map(i -> Texts.joinNonBlank(" — ", i.name(), i.description()))
        .reduce((a, b) -> a + "\n" + b).orElse("нет"));
    values.put("appUrl", settings.appUrl());
    values.put("senderName", settings.fromName());
    return values;
  }

  static Html agendaHtml(MeetingInfo meeting) {
    if (meeting.items().isEmpty()) {
      return new Html("<p>Повестка не сформирована.</p>");
    }
    StringBuilder html = new StringBuilder("<ol>\n");
    for (AgendaItem item : meeting.items()) {
      html.append("<li value=\"").append(item.number()).append("\"><b>").append(esc(item.title())).append("</b>");
      if (!item.speaker().isBlank()) {
        html.append("<br>Докладчик: ").append(esc(item.speaker()));
      }
      if (!item.materials().isEmpty()) {
        html.append("<br>Материалы:<ul>");
        for (Material m : item.materials()) {
          html.append("<li>");
          if (m.url().matches("(?i)https?://.*")) {
            html.append("<a href=\"").append(esc(m.url())).append("\">").append(esc(m.title())).append("</a>");
          } else {
            html.append(esc(Texts.joinNonBlank(" — ", m.title(), m.url())));
          }
          html.append("</li>");
        }
        html.append("</ul>");
      }
      html.append("</li>\n");
    }
    return new Html(html.append("</ol>").toString());
  }

  static String agendaText(MeetingInfo meeting) {
    if (meeting.items().isEmpty()) {
      return "Повестка не сформирована.";
    }
    StringBuilder text = new StringBuilder();
    for (AgendaItem item : meeting.items()) {
      text.append(item.number()).append(". ").append(item.title()).append('\n');
      if (!item.speaker().isBlank()) {
        text.append("   Докладчик: ").append(item.speaker()).append('\n');
      }
      for (Material m : item.materials()) {
        text.append("   Материал: ").append(Texts.joinNonBlank(" — ", m.title(), m.url())).append('\n');
      }
    }
    return text.toString().stripTrailing();
  }

  private static Html decisionsHtml(MinutesModel minutes) {
    StringBuilder html = new StringBuilder("<ol>\n");
    for (ItemMinutes item : minutes.items()) {
      html.append("<li value=\"").append(item.number()).append("\"><b>").append(esc(item.title())).append("</b><br>")
          .append(esc(item.outcome().russian())).append(". ")
          .append(esc(item.decision()).replace("\n", "<br>")).append("</li>\n");
    }
    return new Html(html.append("</ol>").toString());
  }

  private static String decisionsText(MinutesModel minutes) {
    StringBuilder text = new StringBuilder();
    for (ItemMinutes item : minutes.items()) {
      text.append(item.number()).append(". ").append(item.title()).append('\n')
          .append("   ").append(item.outcome().russian()).append(". ").append(item.decision()).append('\n');
    }
    return text.toString().stripTrailing();
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }

}
