package ru.nso.wg.document;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingScheduling.AgendaApproved;

/** The meeting's documents: the approved agenda, the generated draft of the minutes, the signed minutes. */
@Component
public class MeetingDocuments {

  private final MeetingViews views;
  private final DocumentService documents;
  private final DocumentStore store;
  private final MeetingRecord record;
  private final MeetingConduct conduct;
  private final MeetingScheduling scheduling;

  public MeetingDocuments(MeetingViews views, DocumentService documents, DocumentStore store, MeetingRecord record,
                          MeetingConduct conduct, MeetingScheduling scheduling) {
    this.scheduling = scheduling;
    this.views = views;
    this.documents = documents;
    this.store = store;
    this.record = record;
    this.conduct = conduct;
  }

  /** The approved agenda as a document, in the transaction that approved it. */
  @EventListener
  public void agendaApproved(AgendaApproved approved) {
    storeAgenda(approved.meetingKey());
  }

  public StoredDocument storeAgenda(String key) {
    return documents.storeAgenda(views.meeting(key), null);
  }

  /** A generated draft of the minutes and the § 18 deadline by which the secretariat finishes it. */
  public record MinutesDraft(StoredDocument document, Deadline minutesDue) {
  }

  /** § 18: a draft of the minutes generated from the meeting record, for the secretariat to finish. */
  public MinutesDraft draftMinutes(String key) {
    Deadline due = scheduling.deadline(DeadlineKind.MINUTES_DUE, RussianDates.localDate(record.get(key).start()));
    return new MinutesDraft(storeMinutesDraft(key), due);
  }

  private StoredDocument storeMinutesDraft(String key) {
    return documents.storeMinutesDraft(views.minutes(key), null);
  }

  /** The signed minutes (frozen, with their SHA-256) and the signing they record. */
  public record SignedMinutes(StoredDocument document, MeetingConduct.Signed signing) {
  }

  /**
   * § 18: the presiding person signs the minutes: they are frozen as signed (SHA-256) and the meeting's signing is
   * recorded. A generated draft is generated anew first, so the signed text has every dissenting opinion and
   * confirmed outcome; an edited upload that predates a dissenting opinion is refused, since the opinion must be
   * entered into the minutes (§ 17).
   */
  public SignedMinutes sign(String key, String signer) {
    MeetingConduct.requireToSign(record.get(key), signer);
    StoredDocument current = store.currentMinutes(key)
        .orElseThrow(() -> new Refusal("Проект протокола ещё не сформирован"));
    if (current.kind() == DocumentKind.MINUTES_DRAFT) {
      storeMinutesDraft(key);
    } else if (record.dissents(key).stream().anyMatch(d -> d.filedAt().toInstant().isAfter(current.createdAt()))) {
      throw new Refusal("После загрузки протокола поступило особое мнение (п. 17 Положения): верните протокол "
          + "на доработку, чтобы внести его");
    }
    StoredDocument signed = store.sign(key, signer);
    return new SignedMinutes(signed, conduct.sign(key, signer));
  }
}
