package ru.nso.wg.document;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.model.Signatory;
import ru.nso.wg.document.pdf.PdfRenderer;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingConduct.DissentFiled;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingScheduling.AgendaApproved;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.signature.SignatureRecords;
import ru.nso.wg.signature.SigningMode;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The meeting's documents: the approved agenda, the drafts of the minutes, the secretariat's edits, the signed
 * minutes.
 *
 * <p>The minutes (§§ 17–18) are versioned so that the signed text has every dissenting opinion and is exactly what
 * the presiding person could read:
 * <ul>
 *   <li>every generated draft is a new version, marked inside the file ({@link DraftMark}); a dissenting opinion
 *       filed once a draft exists makes the next version at once;</li>
 *   <li>an edit uploaded by the secretariat names the draft version it was made from and is refused when a newer
 *       draft exists;</li>
 *   <li>the current minutes (the newest draft or edit) are shown to people by their edition ({@link MinutesState});
 *       signing names the edition that was read and is refused when the current one is another.</li>
 * </ul>
 * Every change of the current minutes publishes {@link MinutesChanged} in the same transaction.
 */
@Component
public class MeetingDocuments {

  /** The public version's HTML is stored and downloaded as this type. */
  public static final String PUBLIC_HTML_TYPE = "text/html;charset=UTF-8";

  private final MeetingViews views;
  private final DocumentService documents;
  private final DocumentStore store;
  private final MeetingRecord record;
  private final MeetingConduct conduct;
  private final MeetingScheduling scheduling;
  private final ApplicationEventPublisher events;
  private final PdfDocuments pdf;
  private final SignatureRecords signatures;
  private final IdentityDirectory directory;

  public MeetingDocuments(MeetingViews views, DocumentService documents, DocumentStore store, MeetingRecord record,
                          MeetingConduct conduct, MeetingScheduling scheduling, ApplicationEventPublisher events,
                          PdfDocuments pdf, SignatureRecords signatures, IdentityDirectory directory) {
    this.signatures = signatures;
    this.directory = directory;
    this.pdf = pdf;
    this.scheduling = scheduling;
    this.views = views;
    this.documents = documents;
    this.store = store;
    this.record = record;
    this.conduct = conduct;
    this.events = events;
  }

  /** The approved agenda as a document, in the transaction that approved it. */
  @EventListener
  public void agendaApproved(AgendaApproved approved) {
    storeAgenda(approved.meetingKey());
  }

  /** An agenda document was stored (approved): a postponement makes it again with the new date. */
  public boolean hasAgenda(String key) {
    return store.latest(key, DocumentKind.AGENDA).isPresent();
  }

  /** Stores the agenda as it stands (DOCX) and its PDF/A made with it; returns the DOCX. */
  public StoredDocument storeAgenda(String key) {
    MeetingInfo meeting = views.meeting(key);
    AgendaApproval approval = views.agendaApproval(key).orElse(null);
    StoredDocument docx = documents.storeAgenda(meeting, approval, null);
    store.saveMadeFrom(docx, DocumentKind.AGENDA_PDF, DocumentService.pdfName(docx.fileName()),
        PdfRenderer.CONTENT_TYPE, pdf.agenda(meeting, approval), null);
    return docx;
  }

  /** The approved agenda as PDF/A (the latest one stored), if the agenda was approved. */
  public Optional<StoredDocument> agendaPdf(String key) {
    return store.latest(key, DocumentKind.AGENDA_PDF);
  }

  /** The agenda as it stands, not stored: what the presiding person reads before approving it (§ 7). */
  public record AgendaDraft(String fileName, byte[] docx) {
  }

  /** The agenda of a meeting as it stands now; refused when the meeting is unknown or its agenda has no item. */
  public AgendaDraft agendaDraft(String key) {
    if (record.find(key).isEmpty()) {
      throw Refusal.notFound("Заседание " + key + " не найдено");
    }
    MeetingInfo meeting = views.meeting(key);
    if (meeting.items().isEmpty()) {
      throw Refusal.notFound("В повестке заседания № " + meeting.number()
          + " ещё нет вопросов: проект появится, когда департамент сформирует повестку");
    }
    return new AgendaDraft("Проект " + DocumentService.agendaFileName(meeting), documents.agenda(meeting));
  }

  /** A generated draft of the minutes and the § 18 deadline by which the secretariat finishes it. */
  public record MinutesDraft(StoredDocument document, Deadline minutesDue) {
  }

  /** § 18: a draft of the minutes generated from the meeting record, for the secretariat to finish. */
  public MinutesDraft draftMinutes(String key) {
    Deadline due = scheduling.deadline(DeadlineKind.MINUTES_DUE, RussianDates.localDate(record.get(key).start()));
    return new MinutesDraft(storeMinutesDraft(key), due);
  }

  /**
   * § 17: a dissenting opinion filed once the minutes are being drafted makes a new draft version at once, so that
   * neither the secretariat nor the presiding person works on a text without it.
   */
  @EventListener
  public void dissentFiled(DissentFiled filed) {
    if (store.latest(filed.meetingKey(), DocumentKind.MINUTES_DRAFT).isPresent()) {
      storeMinutesDraft(filed.meetingKey());
    }
  }

  private StoredDocument storeMinutesDraft(String key) {
    StoredDocument draft = documents.storeMinutesDraft(views.minutes(key), null);
    changed(key);
    return draft;
  }

  /**
   * The secretariat's edit of the minutes (§ 18). It must be made from the latest draft: the version is read from the
   * mark inside the file, or taken from {@code statedDraftVersion} when the file has none (it was not made from a
   * downloaded draft). A file marked for another meeting, or made from a draft that a newer one replaced, is refused
   * with what came in since.
   */
  public StoredDocument upload(String key, byte[] docx, Integer statedDraftVersion, String actor) {
    record.lock(key);
    DraftMark mark = DraftMark.readFrom(docx).orElse(null);
    if (mark != null && !mark.meetingKey().equals(key)) {
      throw new Refusal("Файл сделан из проекта протокола другого заседания ("
          + record.find(mark.meetingKey()).map(m -> m.ref().display()).orElse(mark.meetingKey()) + ")");
    }
    Integer basedOn = mark != null ? Integer.valueOf(mark.draftVersion()) : statedDraftVersion;
    StoredDocument latest = store.latest(key, DocumentKind.MINUTES_DRAFT)
        .orElseThrow(() -> Refusal.conflict("Проект протокола ещё не сформирован: загружать нечего"));
    if (basedOn == null) {
      throw new Refusal("Не удалось определить, из какой редакции проекта сделан файл: скачайте проект протокола "
          + "по ссылке в задаче и внесите правки в него или укажите номер редакции проекта");
    }
    if (basedOn < 1 || basedOn > latest.version()) {
      throw new Refusal("Проекта протокола в редакции " + basedOn + " нет: последняя редакция — "
          + latest.version());
    }
    if (basedOn < latest.version()) {
      StoredDocument madeFrom = store.version(key, DocumentKind.MINUTES_DRAFT, basedOn).orElseThrow();
      throw Refusal.conflict("Проект устарел: файл сделан из проекта протокола в редакции " + basedOn
          + ", после него " + changesSince(key, madeFrom) + " и сформирована редакция "
          + latest.version() + ". Скачайте её и внесите правки в неё.");
    }
    StoredDocument stored = store.saveUpload(key, DocumentService.uploadFileName(key,
        store.nextVersion(key, DocumentKind.MINUTES_UPLOADED)), docx, latest, actor);
    changed(key);
    return stored;
  }

  /**
   * The minutes as a task shows them: the current document, its edition as people read it («проект протокола,
   * редакция 2 от 17.12.2026 10:15»), the dissenting opinions filed so far and, when the secretariat's latest edit was
   * overtaken by a newer draft, a notice saying so.
   */
  public record MinutesState(StoredDocument current, String edition, List<Dissent> dissents, String notice) {
  }

  /** Whether a draft of the minutes has been made. */
  public boolean hasMinutes(String key) {
    return store.currentMinutes(key).isPresent();
  }

  public MinutesState minutesState(String key) {
    StoredDocument current = store.currentMinutes(key)
        .orElseThrow(() -> Refusal.conflict("Проект протокола ещё не сформирован"));
    String notice = null;
    if (current.kind() == DocumentKind.MINUTES_DRAFT) {
      notice = store.latest(key, DocumentKind.MINUTES_UPLOADED)
          .filter(edit -> edit.basedOnVersion() != null && edit.basedOnVersion() < current.version())
          .map(edit -> "Редакция секретариата " + edit.version() + " устарела: после неё "
              + changesSince(key, edit) + ". Сформирован проект в редакции " + current.version()
              + "; правки секретариата нужно внести в него заново.")
          .orElse(null);
    }
    return new MinutesState(current, edition(current), record.dissents(key), notice);
  }

  /** «проект протокола, редакция 2 от 17.12.2026 10:15» or «редакция секретариата 1 от …». */
  static String edition(StoredDocument document) {
    String what = document.kind() == DocumentKind.MINUTES_UPLOADED
        ? "редакция секретариата " + document.version()
        : "проект протокола, редакция " + document.version();
    return what + " от " + RussianDates.numericDateTime(document.createdAt().atZone(RussianDates.ZONE));
  }

  /**
   * What the minutes {@code document} lack: «поступило особое мнение: Иванов И.И. по вопросу № 2 (17.12.2026)», or a
   * neutral phrase when no opinion came in after it.
   */
  private String changesSince(String key, StoredDocument document) {
    int included = document == null || document.dissentCount() == null ? 0 : document.dissentCount();
    List<Dissent> later = record.dissents(key).stream().sorted(Comparator.comparingLong(Dissent::id))
        .skip(included).toList();
    if (later.isEmpty()) {
      return "изменились данные заседания";
    }
    return (later.size() == 1 ? "поступило особое мнение: " : "поступили особые мнения: ") + later.stream()
        .map(d -> d.fullName() + " по вопросу № " + d.itemNo() + " (" + RussianDates.numeric(
            d.filedAt().atZoneSameInstant(RussianDates.ZONE)) + ")")
        .collect(Collectors.joining("; "));
  }

  /** The current minutes changed (a new draft, an upload): whoever shows them to people shows the new state. */
  public record MinutesChanged(String meetingKey, String processInstanceId, MinutesState state) {
  }

  private void changed(String key) {
    events.publishEvent(new MinutesChanged(key,
        record.find(key).map(Meeting::processInstanceId).orElse(null), minutesState(key)));
  }

  /** The signed minutes (frozen, with their SHA-256) and the signing they record. */
  public record SignedMinutes(StoredDocument document, MeetingConduct.Signed signing) {
  }

  /**
   * § 18: the presiding person signs the minutes in the edition they read ({@code editionRead}, as the task showed
   * it). Nothing is generated at signing: when the current minutes are another edition (an opinion came in, the
   * secretariat uploaded an edit), signing is refused and says what changed. The signed copy is named as the minutes
   * of the meeting and frozen with its SHA-256; the meeting's signing is recorded.
   */
  public SignedMinutes sign(String key, String signer, String editionRead) {
    Meeting meeting = record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    MeetingConduct.requireToSign(meeting, signer);
    StoredDocument current = store.currentMinutes(key)
        .orElseThrow(() -> Refusal.conflict("Проект протокола ещё не сформирован"));
    String edition = edition(current);
    if (editionRead == null || editionRead.isBlank()) {
      throw new Refusal("Не указана редакция протокола, которую вы подписываете: откройте задачу заново");
    }
    if (!edition.equals(editionRead.trim())) {
      throw Refusal.conflict("Пока задача была открыта, протокол изменился (" + changesSince(key,
          shown(key, editionRead)) + "): на подпись передана " + edition
          + ". Обновите страницу задачи, прочитайте эту редакцию и подпишите её.");
    }
    StoredDocument signed = store.sign(key, signer, DocumentService.minutesFileName(views.meeting(key)));
    return new SignedMinutes(signed, conduct.sign(key, signer));
  }

  // ------------------------------------------------------------------------------------------------ PDF/A

  /**
   * The minutes the presiding person signs: the PDF/A of the current edition of the minutes (the newest draft or the
   * secretariat's upload; once signed, the edition that was signed). It is made once per edition and stored, so every
   * download gives the same bytes; a new edition makes a new PDF.
   */
  @Transactional
  public StoredDocument minutesToSign(String key) {
    record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    StoredDocument edition = currentEdition(key);
    return store.madeFrom(key, DocumentKind.MINUTES_PDF, edition.id()).orElseGet(() -> store.saveMadeFrom(edition,
        DocumentKind.MINUTES_PDF, DocumentService.pdfName(edition.fileName()), PdfRenderer.CONTENT_TYPE,
        render(key, edition, null, null), null));
  }

  /**
   * § 19: the certified copy of the signed minutes for members and invitees: the PDF/A of the signed edition with the
   * mark of the signature and «Верно» (the secretary of the meeting, on the date of the copies). Made once and
   * stored; a retried step sends the same copy.
   */
  @Transactional
  public StoredDocument certifiedCopy(String key) {
    record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    StoredDocument signed = store.signedMinutes(key)
        .orElseThrow(() -> Refusal.conflict("Протокол заседания " + key + " ещё не подписан: копий нет"));
    Optional<StoredDocument> made = store.madeFrom(key, DocumentKind.MINUTES_COPY, signed.id());
    if (made.isPresent()) {
      return made.get();
    }
    MinutesModel minutes = views.minutes(key);
    Signatory secretary = minutes.secretary();
    Certification certification = new Certification(
        secretary == null ? "Секретариат Рабочей группы" : secretary.shortName(),
        secretary == null ? "" : "Секретарь Рабочей группы" + (secretary.position().isBlank() ? ""
            : ", " + secretary.position()),
        RussianDates.localDate(ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC)));
    byte[] copy = render(key, signedEdition(key, signed), signatureMark(key).orElse(null), certification);
    return store.saveMadeFrom(signed, DocumentKind.MINUTES_COPY,
        "Копия " + DocumentService.pdfName(signed.fileName()), PdfRenderer.CONTENT_TYPE, copy, null);
  }

  /** The public version of the signed minutes (§ 19): the HTML to paste into the website and the PDF/A. */
  public record PublicVersion(StoredDocument html, StoredDocument pdf) {
  }

  /**
   * § 19: the public version of the signed minutes for the website, made once from the record and stored: the date,
   * number and format, the agenda and the decisions without the items marked «не для опубликования», without anyone
   * who is not an official and without the dissenting opinions' text ({@code templates/documents/public.html}).
   */
  @Transactional
  public PublicVersion publicVersion(String key) {
    record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    StoredDocument signed = store.signedMinutes(key).orElseThrow(() -> Refusal.conflict(
        "Протокол заседания " + key + " ещё не подписан: публичной версии нет"));
    String name = "Публичная версия " + DocumentService.pdfName(signed.fileName()).replaceFirst("\\.pdf$", "");
    Optional<StoredDocument> html = store.madeFrom(key, DocumentKind.PUBLIC_HTML, signed.id());
    Optional<StoredDocument> pdfDocument = store.madeFrom(key, DocumentKind.PUBLIC_PDF, signed.id());
    if (html.isPresent() && pdfDocument.isPresent()) {
      return new PublicVersion(html.get(), pdfDocument.get());
    }
    MinutesModel minutes = views.minutes(key);
    Set<Integer> unpublished = views.notForPublication(key);
    return new PublicVersion(
        html.orElseGet(() -> store.saveMadeFrom(signed, DocumentKind.PUBLIC_HTML, name + ".html", PUBLIC_HTML_TYPE,
            pdf.publicHtml(minutes, unpublished).getBytes(StandardCharsets.UTF_8), null)),
        pdfDocument.orElseGet(() -> store.saveMadeFrom(signed, DocumentKind.PUBLIC_PDF, name + ".pdf",
            PdfRenderer.CONTENT_TYPE, pdf.publicPdf(minutes, unpublished), null)));
  }

  /**
   * The mark of the signature of the signed minutes (ГОСТ Р 7.0.97-2016, requisite 28), once they are signed: the
   * certificate of the accepted signature, or, on the paper path, who confirmed the signing on paper and when.
   */
  public Optional<SignatureMark> signatureMark(String key) {
    return signatures.accepted(key).map(s -> s.method() == SigningMode.PAPER
        ? new SignatureMark(null, directory.userName(s.acceptedBy()), null, null,
            OffsetDateTime.ofInstant(s.acceptedAt(), RussianDates.ZONE), true)
        : new SignatureMark(s.serialHex(), s.owner(), LocalDate.ofInstant(s.validFrom(), RussianDates.ZONE),
            LocalDate.ofInstant(s.validTo(), RussianDates.ZONE),
            OffsetDateTime.ofInstant(s.signingTime(), RussianDates.ZONE), false));
  }

  /** The edition of the minutes people work on now: the newest draft or upload, or the one that was signed. */
  private StoredDocument currentEdition(String key) {
    StoredDocument current = store.currentMinutes(key)
        .orElseThrow(() -> Refusal.conflict("Проект протокола ещё не сформирован"));
    return current.kind() == DocumentKind.MINUTES_SIGNED ? signedEdition(key, current) : current;
  }

  /** The draft or upload that the signed minutes froze (the same bytes). */
  private StoredDocument signedEdition(String key, StoredDocument signed) {
    return store.history(key).stream()
        .filter(d -> d.kind() == DocumentKind.MINUTES_DRAFT || d.kind() == DocumentKind.MINUTES_UPLOADED)
        .filter(d -> d.sha256().equals(signed.sha256())).reduce((first, second) -> second).orElse(signed);
  }

  /**
   * The PDF/A of an edition: an upload from the secretariat's own text, a generated draft from the record with the
   * dissenting opinions the draft contained.
   */
  private byte[] render(String key, StoredDocument edition, SignatureMark mark, Certification certification) {
    MinutesModel minutes = views.minutes(key);
    if (edition.kind() == DocumentKind.MINUTES_UPLOADED) {
      return pdf.uploadedMinutes(minutes, edition.content(), mark, certification);
    }
    int included = edition.dissentCount() == null ? minutes.dissentingOpinions().size()
        : Math.min(edition.dissentCount(), minutes.dissentingOpinions().size());
    return pdf.minutes(minutes.withDissentingOpinions(minutes.dissentingOpinions().subList(0, included)), mark,
        certification);
  }

  /** The document of the edition a form showed, or {@code null} when no stored minutes have that edition. */
  private StoredDocument shown(String key, String edition) {
    return store.history(key).stream().filter(d -> d.kind().isMinutesDocx())
        .filter(d -> edition.trim().equals(edition(d))).findFirst().orElse(null);
  }
}
