package ru.nso.wg.notification;

import org.springframework.stereotype.Service;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentService;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.MeetingDocuments.PublicVersion;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.model.Texts;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.notification.MailComposer.Attachment;
import ru.nso.wg.notification.MailComposer.CalendarPart;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.AttendanceReplies.Links;
import ru.nso.wg.replies.AttendanceReplies.Respondent;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The messages of the meeting process: agenda, invitations, postponement, cancellation, copies of the minutes,
 * the publication request, deadline reminders and escalations. Each is sent through {@link Delivery} (one message
 * per recipient, never twice, gaps instead of errors for bad addresses). Members are the users of group
 * {@code wg-members} (Camunda identity); invitees come from {@link MeetingInfo}.
 */
@Service
public class MeetingMessages {

  /** The kinds whose recipients hold the meeting's calendar event. */
  private static final List<String> INVITED_BY = List.of("agenda#", "invitation#", "postponement#");

  private final Delivery delivery;
  private final MailTemplates templates;
  private final CalendarInvitations calendar;
  private final IdentityDirectory directory;
  private final DocumentService documents;
  private final DocumentStore store;
  private final MailSettings settings;
  private final AttendanceReplies replies;

  public MeetingMessages(Delivery delivery, MailTemplates templates, CalendarInvitations calendar,
                         IdentityDirectory directory, DocumentService documents, DocumentStore store,
                         MailSettings settings, AttendanceReplies replies) {
    this.replies = replies;
    this.delivery = delivery;
    this.templates = templates;
    this.calendar = calendar;
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

  /** The reminder to reply, once per meeting start (a postponed meeting's silent members are asked again). */
  public static String replyReminderKind(MeetingInfo meeting) {
    return "reply-reminder:" + meeting.start().toInstant().getEpochSecond();
  }

  public static final String CANCELLATION = "cancellation";
  public static final String MINUTES_COPY = "minutes-copy";
  public static final String PUBLICATION_REQUEST = "publication-request";

  public static String dissentKind(long dissentId) {
    return "dissent#" + dissentId;
  }

  public static String escalationKind(DeadlineNotice notice) {
    return "escalation:" + notice.deadlineId() + ":" + RussianDates.localDate(notice.due().toOffsetDateTime());
  }

  public static String reminderKind(DeadlineNotice notice) {
    return "reminder:" + notice.deadlineId() + ":" + RussianDates.localDate(notice.due().toOffsetDateTime());
  }

  // ------------------------------------------------------------------------------------------------ the calls

  /**
   * § 14: the agenda to every member (group {@code wg-members}) with links to the materials, the reference materials
   * the secretariat prepared (§ 14 (3)), the approved agenda as PDF/A (the form of record, stored on approval) and
   * as DOCX (as before: members annotate it) and a calendar invitation ({@code METHOD:REQUEST}, SEQUENCE =
   * {@link MeetingInfo#icsSequence()}).
   *
   * @param approval           who approved the agenda and when, printed in its «УТВЕРЖДАЮ» block
   * @param referenceMaterials the reference materials as the secretariat entered them when distributing
   */
  public DeliveryResult distributeAgenda(MeetingInfo meeting, AgendaApproval approval, String referenceMaterials) {
    return distributeAgenda(meeting, approval, referenceMaterials, List.of(), "");
  }

  /**
   * § 14 with the speakers' materials: {@code materials} attached beside the agenda, {@code materialLinks} (the
   * materials as links that require login, when they were too large to attach) after the reference materials.
   */
  public DeliveryResult distributeAgenda(MeetingInfo meeting, AgendaApproval approval, String referenceMaterials,
                                         List<Attachment> materials, String materialLinks) {
    byte[] agenda = documents.agenda(meeting, approval);
    List<Attachment> attachments = new ArrayList<>(withAgendaPdf(meeting.businessKey(),
        new Attachment(DocumentService.agendaFileName(meeting), DocumentStore.DOCX, agenda)));
    attachments.addAll(materials);
    String reference = referenceText(referenceMaterials) + (materialLinks.isEmpty() ? "" : "\n\n" + materialLinks);
    return delivery.deliver(meeting.businessKey(), agendaKind(meeting.icsSequence()), members(RosterGroups.MEMBERS),
        r -> {
          Map<String, Object> values = meetingValues(meeting, r);
          values.put("referenceMaterials", reference);
          putReplyLinks(values, meeting, AttendanceReplies.member(r.userId(), r.name()));
          Rendered rendered = templates.render("agenda", values);
          return new OutgoingMail(meeting.businessKey(), agendaKind(meeting.icsSequence()), r, rendered.subject(),
              rendered.text(), rendered.html(), invitation(meeting, r), List.copyOf(attachments));
        });
  }

  /** The agenda's PDF/A as stored with the latest approved agenda (if any), then {@code docx}. */
  private List<Attachment> withAgendaPdf(String meetingKey, Attachment docx) {
    return store.latest(meetingKey, DocumentKind.AGENDA_PDF)
        .map(pdf -> List.of(new Attachment(pdf.fileName(), pdf.contentType(), pdf.content()), docx))
        .orElseGet(() -> List.of(docx));
  }

  /**
   * § 14, § 15: the members who have not replied whether they will attend are asked again, with their own one-click
   * links (the same links as in the agenda mail: a link not yet used still works).
   */
  public DeliveryResult remindToReply(MeetingInfo meeting, List<Recipient> silentMembers) {
    String kind = replyReminderKind(meeting);
    return delivery.deliver(meeting.businessKey(), kind, silentMembers, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      putReplyLinks(values, meeting, AttendanceReplies.member(r.userId(), r.name()));
      Rendered rendered = templates.render("reply-reminder", values);
      return new OutgoingMail(meeting.businessKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  /** § 14: a notice with a calendar invitation and the reference materials (§ 14 (3)) to each invitee. */
  public DeliveryResult notifyInvitees(MeetingInfo meeting, String referenceMaterials) {
    String kind = invitationKind(meeting.icsSequence());
    return delivery.deliver(meeting.businessKey(), kind, invitees(meeting), r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("referenceMaterials", referenceText(referenceMaterials));
      putReplyLinks(values, meeting, AttendanceReplies.invitee(r.name(), r.email()).orElseThrow());
      Rendered rendered = templates.render("invitation", values);
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
   * @param agenda        the agenda made again with the new date (DOCX), attached for members; {@code null}: none
   */
  public DeliveryResult notifyPostponement(MeetingInfo meeting, ZonedDateTime previousStart, String reason,
                                           byte[] agenda) {
    String kind = postponementKind(meeting.icsSequence());
    List<Recipient> recipients = delivery.deliveredTo(meeting.businessKey(), INVITED_BY);
    List<Attachment> agendaAgain = agenda == null ? List.of() : withAgendaPdf(meeting.businessKey(),
        new Attachment(DocumentService.agendaFileName(meeting), DocumentStore.DOCX, agenda));
    Set<String> hadAgenda = delivery.deliveredTo(meeting.businessKey(), List.of("agenda#")).stream()
        .map(Recipient::email).collect(Collectors.toSet());
    // the delivery log keeps addresses: members are known by theirs, the others are invitees
    Map<String, Recipient> members = members(RosterGroups.MEMBERS).stream().filter(Recipient::hasEmail)
        .collect(Collectors.toMap(Recipient::deliveryKey, m -> m, (a, b) -> a));
    return delivery.deliver(meeting.businessKey(), kind, recipients, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("previousDateTime", RussianDates.dateTime(previousStart));
      values.put("reason", reasonText(reason));
      // replies given for the previous date no longer count: new links for the new date
      Recipient member = members.get(r.deliveryKey());
      Respondent respondent = member != null ? AttendanceReplies.member(member.userId(), member.name())
          : AttendanceReplies.invitee(r.name(), r.email()).orElseThrow();
      putReplyLinks(values, meeting, respondent);
      Rendered rendered = templates.render("postponement", values);
      // the agenda with its new date goes again to the members who had it (invitees were only notified)
      return new OutgoingMail(meeting.businessKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          invitation(meeting, r), hadAgenda.contains(r.email()) ? agendaAgain : List.of());
    });
  }

  /**
   * A cancellation ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}, SEQUENCE = icsSequence + 1) with the reason, to
   * everyone who was sent an invitation for this meeting.
   */
  public DeliveryResult notifyCancellation(MeetingInfo meeting, String reason) {
    List<Recipient> recipients = delivery.deliveredTo(meeting.businessKey(), INVITED_BY);
    return delivery.deliver(meeting.businessKey(), CANCELLATION, recipients, r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("reason", reasonText(reason));
      Rendered rendered = templates.render("cancellation", values);
      String ics = calendar.cancel(meeting, r, summary(meeting), "Заседание отменено. " + reasonText(reason));
      return new OutgoingMail(meeting.businessKey(), CANCELLATION, r, rendered.subject(), rendered.text(),
          rendered.html(), new CalendarPart("CANCEL", ics), List.of());
    });
  }

  /**
   * § 19: the certified copy of the signed minutes ({@code copy}: PDF/A with «Верно» and the mark of the signature,
   * {@code MeetingDocuments#certifiedCopy}; never the editable DOCX) to every member of the meeting's roster as it
   * was frozen when the attendance was registered (a member who joined the group later was not a member of this
   * meeting; one who left it since still was) and to every invitee of the meeting. The address is the member's
   * current one; a member no longer in identity is a gap shown to the secretariat. The minutes must have been
   * signed ({@link DocumentStore#sign}); otherwise this throws.
   */
  public DeliveryResult sendMinutesCopies(MeetingInfo meeting, List<Attendee> roster, StoredDocument copy) {
    StoredDocument signed = signedMinutes(meeting.businessKey());
    List<Recipient> recipients = new ArrayList<>();
    for (Attendee member : roster) {
      recipients.add(directory.user(member.userId()).map(Recipient::of).orElseGet(() -> new Recipient(
          member.userId(), member.fullName(), Texts.givenNames(member.fullName()), null)));
    }
    recipients.addAll(invitees(meeting));
    Attachment attachment = new Attachment(copy.fileName(), copy.contentType(), copy.content());
    return delivery.deliver(meeting.businessKey(), MINUTES_COPY, recipients, r -> {
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
   * information about the meeting on the Government's official website: date, format, agenda and the decisions of
   * {@code minutes} (the caller leaves out the items «не для опубликования»), with the public version attached (HTML
   * to paste and PDF/A) — never the signed minutes with names and dissenting opinions.
   */
  public DeliveryResult requestPublication(MinutesModel minutes, PublicVersion publicVersion) {
    MeetingInfo meeting = minutes.meeting();
    signedMinutes(meeting.businessKey());
    List<Attachment> attachments = List.of(
        new Attachment(publicVersion.html().fileName(), publicVersion.html().contentType(),
            publicVersion.html().content()),
        new Attachment(publicVersion.pdf().fileName(), publicVersion.pdf().contentType(),
            publicVersion.pdf().content()));
    return delivery.deliver(meeting.businessKey(), PUBLICATION_REQUEST, members(RosterGroups.INFO_POLICY), r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("decisions", decisions(minutes));
      values.put("decisionsText", decisionsText(minutes));
      values.put("minutesUrl", minutesUrl(meeting.businessKey()));
      Rendered rendered = templates.render("publication-request", values);
      return new OutgoingMail(meeting.businessKey(), PUBLICATION_REQUEST, r, rendered.subject(), rendered.text(),
          rendered.html(), null, attachments);
    });
  }

  /**
   * § 17: a dissenting opinion came in while the minutes are being prepared: the secretariat (group
   * {@code wg-secretariat}) learns who filed it on which item and which edition of the minutes now contains it.
   */
  public DeliveryResult dissentFiled(MeetingInfo meeting, Dissent dissent, String minutesText) {
    String kind = dissentKind(dissent.id());
    return delivery.deliver(meeting.businessKey(), kind, members(RosterGroups.SECRETARIAT), r -> {
      Map<String, Object> values = meetingValues(meeting, r);
      values.put("memberName", dissent.fullName());
      values.put("itemNo", dissent.itemNo());
      values.put("opinion", dissent.opinion());
      values.put("minutesText", minutesText);
      values.put("link", settings.linkOrTasklist(""));
      Rendered rendered = templates.render("dissent-filed", values);
      return new OutgoingMail(meeting.businessKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  /**
   * The publication's service level is near (not a deadline of the regulation): to the information-policy
   * department. Sent once per due date.
   */
  public DeliveryResult publicationReminder(DeadlineNotice notice, ZonedDateTime requestedAt) {
    return publicationReminder(notice, requestedAt, List.of());
  }

  /**
   * The same, to the person holding the publication task first ({@code holders}: its assignee, or its candidates;
   * issue 16), then the department; each address once.
   */
  public DeliveryResult publicationReminder(DeadlineNotice notice, ZonedDateTime requestedAt,
                                            List<Recipient> holders) {
    List<Recipient> recipients = new ArrayList<>(holders);
    recipients.addAll(members(RosterGroups.INFO_POLICY));
    return serviceLevel("publication-reminder", "service-reminder:" + kindSuffix(notice), notice, requestedAt,
        recipients);
  }

  /**
   * The publication's service level passed with the information not published: to the information-policy department
   * and the secretariat, as a service level exceeded — not as a breach of the regulation (the chair's office, which
   * is told of breaches, is not). Sent once per due date.
   */
  public DeliveryResult publicationOverdue(DeadlineNotice notice, ZonedDateTime requestedAt) {
    List<Recipient> recipients = new ArrayList<>(members(RosterGroups.INFO_POLICY));
    recipients.addAll(members(RosterGroups.SECRETARIAT));
    return serviceLevel("publication-overdue", "service-overdue:" + kindSuffix(notice), notice, requestedAt,
        recipients);
  }

  private static String kindSuffix(DeadlineNotice notice) {
    return notice.deadlineId() + ":" + RussianDates.localDate(notice.due().toOffsetDateTime());
  }

  private DeliveryResult serviceLevel(String template, String kind, DeadlineNotice notice, ZonedDateTime requestedAt,
                                      List<Recipient> recipients) {
    return deadline(template, kind, notice, recipients, Map.of("requestedAt", RussianDates.dateTime(requestedAt)));
  }

  /**
   * A missed deadline: to the people of the responsible group and to the chair's office (group {@code wg-chair}).
   * Sent once per deadline and due date.
   */
  public DeliveryResult escalate(DeadlineNotice notice) {
    List<Recipient> recipients = new ArrayList<>(members(notice.responsibleGroupId()));
    recipients.addAll(members(RosterGroups.CHAIR));
    return deadline("deadline-escalation", escalationKind(notice), notice, recipients, Map.of());
  }

  /** A deadline approaching: to the people of the responsible group. Sent once per deadline and due date. */
  public DeliveryResult remind(DeadlineNotice notice) {
    return remind(notice, List.of());
  }

  /**
   * A deadline approaching: to the person holding the task the deadline binds ({@code holders}: its assignee, or
   * its candidates; issue 16) and to the people of the responsible group — each address once (a holder of the
   * secretariat gets one message). Sent once per deadline and due date.
   */
  public DeliveryResult remind(DeadlineNotice notice, List<Recipient> holders) {
    List<Recipient> recipients = new ArrayList<>(holders);
    recipients.addAll(members(notice.responsibleGroupId()));
    return deadline("deadline-reminder", reminderKind(notice), notice, recipients, Map.of());
  }

  // ------------------------------------------------------------------------------------------- the messages

  /**
   * A message about a deadline (of the regulation or a service level) to each recipient; {@code extra} are the
   * template's values beyond the notice's (a service level's {@code requestedAt}).
   */
  private DeliveryResult deadline(String template, String kind, DeadlineNotice notice, List<Recipient> recipients,
                                  Map<String, Object> extra) {
    String groupName = directory.groupName(notice.responsibleGroupId());
    return delivery.deliver(notice.meetingKey(), kind, recipients, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("subject", notice.subject());
      values.put("deadlineTitle", notice.deadlineTitle());
      values.put("clause", notice.clause());
      values.put("due", RussianDates.dateTime(notice.due()));
      values.put("dueDate", RussianDates.date(notice.due()));
      values.putAll(extra);
      values.put("responsibleGroup", groupName);
      values.put("link", settings.linkOrTasklist(notice.link()));
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render(template, values);
      return new OutgoingMail(notice.meetingKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
          null, List.of());
    });
  }

  /**
   * § 14, § 15: the one-click reply links of the person (signed, single-use, expiring at the meeting's start):
   * {@code replyInPerson}, {@code replyByVideo}, {@code replyAbsent}.
   */
  private void putReplyLinks(Map<String, Object> values, MeetingInfo meeting, Respondent respondent) {
    Links links = replies.links(meeting.businessKey(), meeting.start().toInstant(), respondent);
    values.put("replyInPerson", settings.appUrl() + links.inPerson());
    values.put("replyByVideo", settings.appUrl() + links.byVideo());
    values.put("replyAbsent", settings.appUrl() + links.absent());
  }

  /** The reference materials as a mail prints them (§ 14 (3)), or a line that there are none. */
  private static String referenceText(String referenceMaterials) {
    return referenceMaterials == null || referenceMaterials.isBlank()
        ? "Информационно-справочные материалы не прилагаются."
        : "Информационно-справочные материалы (п. 14 Положения):\n" + referenceMaterials.strip();
  }

  private List<Recipient> members(String groupId) {
    return directory.members(groupId).stream().map(Recipient::of).toList();
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
    values.put("agenda", agenda(meeting));
    values.put("agendaText", agendaText(meeting));
    values.put("inviteesText", meeting.invitees().stream()
        .map(i -> Texts.joinNonBlank(" — ", i.name(), i.description()))
        .reduce((a, b) -> a + "\n" + b).orElse("нет"));
    values.put("appUrl", settings.appUrl());
    values.put("senderName", settings.fromName());
    return values;
  }

  // ------------------------------------------------------------------------------ the lists the templates show

  /** An agenda item as the messages list it ({@code templates/mail/fragments.html}). */
  public record MailItem(int number, String title, String speaker, List<MailMaterial> materials) {
  }

  /**
   * A material of an agenda item: {@code href} is its address where that is a web address (a link), otherwise
   * {@code null} and {@code text} shows title and address as text.
   */
  public record MailMaterial(String title, String href, String text) {
  }

  /** A considered item and its decision, as the publication request lists them. */
  public record MailDecision(int number, String title, String outcome, String decision) {
  }

  static List<MailItem> agenda(MeetingInfo meeting) {
    return meeting.items().stream().map(item -> new MailItem(item.number(), item.title(), item.speaker().strip(),
        item.materials().stream().map(MeetingMessages::material).toList())).toList();
  }

  static MailMaterial material(Material m) {
    boolean web = m.url().matches("(?i)https?://\\S+");
    return new MailMaterial(m.title(), web ? m.url() : null, Texts.joinNonBlank(" — ", m.title(), m.url()));
  }

  private static List<MailDecision> decisions(MinutesModel minutes) {
    return minutes.items().stream().map(item -> new MailDecision(item.number(), item.title(), item.outcomeTitle(),
        item.decision())).toList();
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

  private static String decisionsText(MinutesModel minutes) {
    StringBuilder text = new StringBuilder();
    for (ItemMinutes item : minutes.items()) {
      text.append(item.number()).append(". ").append(item.title()).append('\n')
          .append("   ").append(item.outcomeTitle()).append(". ").append(item.decision()).append('\n');
    }
    return text.toString().stripTrailing();
  }
}
