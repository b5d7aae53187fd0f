package ru.nso.wg.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.MaterialStore;
import ru.nso.wg.document.MaterialStore.MaterialFile;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.meeting.DateRequests;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingConduct.MinutesDistributed;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingScheduling.Postponed;
import ru.nso.wg.notification.MailComposer.Attachment;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.AttendanceReplies.Forecast;
import ru.nso.wg.roster.RosterGroups;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a meeting that send mail: each sends its messages (a retried job sends nobody a message twice) and
 * records the step in the meeting record, in one transaction. Each returns the people the messages could not reach
 * («Рассылка повестки: не доставлено — …»), also recorded, or {@code null} when everyone was reached.
 */
@Service
public class MeetingMail {

  private final MeetingMessages messages;
  private final MeetingViews views;
  private final MeetingScheduling scheduling;
  private final MeetingConduct conduct;
  private final MeetingDocuments documents;
  private final DateRequests requests;
  private final Delivery delivery;
  private final MaterialStore materials;
  private final MailSettings settings;
  private final long attachMaxBytes;
  private final AttendanceReplies replies;

  public MeetingMail(MeetingMessages messages, MeetingViews views, MeetingScheduling scheduling,
                     MeetingConduct conduct, MeetingDocuments documents, DateRequests requests, Delivery delivery,
                     MaterialStore materials, MailSettings settings,
                     @Value("${wg.materials.attach-max-bytes:10485760}") long attachMaxBytes,
                     AttendanceReplies replies) {
    this.materials = materials;
    this.settings = settings;
    this.attachMaxBytes = attachMaxBytes;
    this.replies = replies;
    this.requests = requests;
    this.delivery = delivery;
    this.messages = messages;
    this.views = views;
    this.scheduling = scheduling;
    this.conduct = conduct;
    this.documents = documents;
  }

  /** § 14: the agenda with a calendar invitation to every member, a notice to every invitee. */
  public String distributeAgenda(String key) {
    MeetingInfo meeting = views.meeting(key);
    String reference = views.referenceMaterials(key).orElse(null);
    // the speakers' materials: attached while they fit the setting, otherwise links that require login
    List<MaterialFile> files = materials.of(key);
    long total = files.stream().mapToLong(MaterialFile::sizeBytes).sum();
    List<Attachment> attached = new ArrayList<>();
    StringBuilder links = new StringBuilder();
    if (total <= attachMaxBytes) {
      files.forEach(f -> materials.file(key, f.documentId()).ifPresent(d -> attached.add(new Attachment(
          "Вопрос " + f.itemNo() + " — " + d.fileName(), d.contentType(), d.content()))));
    } else {
      links.append("Материалы докладчиков (открываются после входа в систему):");
      files.forEach(f -> links.append("\nвопрос № ").append(f.itemNo()).append(": ").append(f.fileName())
          .append(" — ").append(settings.appUrl()).append("/api/meetings/").append(key).append("/materials/")
          .append(f.documentId()).append("/file"));
    }
    String gaps = gaps(key, "Рассылка повестки",
        messages.distributeAgenda(meeting, views.agendaApproval(key).orElse(null), reference, attached,
            links.toString()),
        messages.notifyInvitees(meeting, reference));
    scheduling.agendaSent(key);
    return gaps;
  }

  /** The quorum forecast at its moment, and the people the reminder could not reach (or null). */
  public record ForecastChecked(Forecast forecast, String gaps) {
  }

  /**
   * § 14, § 15: the moment of the quorum forecast. The members who have not replied get a reminder with their links;
   * the forecast is recorded and returned (whether the quorum is threatened decides the presiding person's task).
   */
  public ForecastChecked quorumForecastDue(String key) {
    MeetingInfo meeting = views.meeting(key);
    List<Recipient> silent = replies.silentMembers(key).stream()
        .map(p -> new Recipient(p.id(), p.fullName(), p.firstName(), p.email())).toList();
    DeliveryResult reminded = messages.remindToReply(meeting, silent);
    String gaps = gaps(key, "Напоминание об ответе о присутствии", reminded);
    return new ForecastChecked(replies.forecastChecked(key, silent.size()), gaps);
  }

  /** A postponement applied, and who was told (when invitations had gone out). */
  public record Postponement(Postponed postponed, String gaps) {
  }

  /**
   * Postpones the meeting as the chair approved request {@code requestId} ({@code null}: no request recorded). A
   * stored agenda is made again with the new date; those who already hold the invitation get an update (same UID,
   * higher SEQUENCE), members with the agenda again.
   */
  public Postponement postpone(String key, OffsetDateTime newStart, String reason, Long requestId) {
    Postponed postponed = scheduling.postpone(key, newStart, reason,
        requestId == null ? null : requests.decisionText(requestId),
        requestId == null ? null : requests.get(requestId).decidedBy());
    byte[] agenda = documents.hasAgenda(key) ? documents.storeAgenda(key).content() : null;
    String gaps = postponed.agendaWasSent() ? gaps(key, "Уведомление о переносе", messages.notifyPostponement(
        views.meeting(key), RussianDates.local(postponed.previousStart()), reason, agenda)) : null;
    return new Postponement(postponed, gaps);
  }

  /**
   * Cancels the meeting as the chair approved request {@code requestId} ({@code null}: no request recorded); those who
   * already hold the invitation get a cancellation (ICS METHOD:CANCEL).
   */
  public String cancel(String key, String reason, Long requestId) {
    boolean agendaWasSent = scheduling.cancel(key, reason,
        requestId == null ? null : requests.decisionText(requestId),
        requestId == null ? null : requests.get(requestId).decidedBy());
    return agendaWasSent ? gaps(key, "Уведомление об отмене", messages.notifyCancellation(views.meeting(key), reason))
        : null;
  }

  /**
   * § 17: the secretariat is told of a dissenting opinion and of the edition of the minutes that now contains it (a
   * draft made before it was drafted again at once).
   */
  public String dissentFiled(String key, long dissentId) {
    String minutes = documents.hasMinutes(key)
        ? "Проект протокола сформирован заново и содержит это особое мнение: " + documents.minutesState(key).edition()
            + ". Если вы уже правили прежнюю редакцию, внесите правки в новую и загрузите её снова."
        : "Проект протокола ещё не сформирован: особое мнение войдёт в него.";
    return gaps(key, "Сообщение об особом мнении",
        messages.dissentFiled(views.meeting(key), conduct.dissent(key, dissentId), minutes));
  }

  /** Two working days before a deadline, the responsible secretariat is reminded. */
  public String remind(String key, DeadlineKind kind) {
    return remind(key, kind, List.of());
  }

  /**
   * Two working days before a deadline, the person holding its task ({@code holders}, issue 16) and the responsible
   * secretariat are reminded, each once.
   */
  public String remind(String key, DeadlineKind kind, List<Recipient> holders) {
    Deadline deadline = scheduling.deadlineReminded(key, kind);
    return gaps(key, "Напоминание о сроке", messages.remind(notice(key, deadline), holders));
  }

  /** A deadline missed: the secretariat and the chair's office are notified; the breach is recorded. */
  public String escalate(String key, DeadlineKind kind) {
    Deadline deadline = scheduling.deadlineMissed(key, kind);
    return gaps(key, "Уведомление о нарушении срока", messages.escalate(notice(key, deadline)));
  }

  /** § 19: copies of the signed minutes to the meeting's roster (frozen at its attendance) and its invitees. */
  public String sendMinutesCopies(String key) {
    return gaps(key, "Копии протокола", messages.sendMinutesCopies(views.meeting(key), views.roster(key),
        documents.certifiedCopy(key)));
  }

  /**
   * § 19 done: the copies and the request have gone out; met or late by the moment the delivery log saw the last of
   * them leave (not by when this step runs, nor by the publication).
   */
  public MinutesDistributed minutesDistributed(String key) {
    return conduct.minutesDistributed(key, delivery.lastSentAt(key, MeetingMessages.MINUTES_COPY).orElse(null),
        delivery.lastSentAt(key, MeetingMessages.PUBLICATION_REQUEST).orElse(null));
  }

  /** The publication's service level is near: the information-policy department is reminded. */
  public String remindPublication(String key) {
    return remindPublication(key, List.of());
  }

  /** The same, to the person holding the publication task ({@code holders}, issue 16) as well. */
  public String remindPublication(String key, List<Recipient> holders) {
    Deadline due = conduct.publicationReminded(key);
    return gaps(key, "Напоминание о сроке размещения", messages.publicationReminder(
        publicationNotice(key, due), requestedAt(key), holders));
  }

  /** The publication's service level passed: the department and the secretariat are told (not a breach). */
  public String publicationOverdue(String key) {
    Deadline due = conduct.publicationOverdue(key);
    return gaps(key, "Уведомление о сроке размещения", messages.publicationOverdue(
        publicationNotice(key, due), requestedAt(key)));
  }

  private DeadlineNotice publicationNotice(String key, Deadline due) {
    DeadlineKind kind = due.kind();
    return new DeadlineNotice(key, "заседание Рабочей группы " + scheduling.title(key), kind.code(),
        kind.description(), kind.reference(), RussianDates.local(due.deadline()), RosterGroups.INFO_POLICY, "");
  }

  private ZonedDateTime requestedAt(String key) {
    return conduct.publicationRequestedAt(key).atZoneSameInstant(RussianDates.ZONE);
  }

  /** § 19: the information about the meeting to the information-policy department, for publication. */
  public String requestPublication(String key) {
    return gaps(key, "Информация для размещения на сайте", messages.requestPublication(
        views.minutes(key).withoutItems(views.notForPublication(key)), documents.publicVersion(key)));
  }

  private DeadlineNotice notice(String key, Deadline deadline) {
    DeadlineKind kind = deadline.kind();
    return new DeadlineNotice(key, "заседание Рабочей группы " + scheduling.title(key), kind.code(),
        kind.description(), kind.reference(), RussianDates.local(deadline.deadline()), RosterGroups.SECRETARIAT, "");
  }

  private String gaps(String key, String what, DeliveryResult... results) {
    List<String> gaps = new ArrayList<>();
    for (DeliveryResult result : results) {
      gaps.addAll(result.gapTexts());
    }
    if (gaps.isEmpty()) {
      return null;
    }
    String text = what + ": не доставлено — " + String.join("; ", gaps);
    scheduling.deliveryGaps(key, text);
    return text;
  }
}
