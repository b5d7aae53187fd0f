package ru.nso.wg.process.meeting;

import org.springframework.stereotype.Component;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentService;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.common.Refusal;

/** The meeting's documents: the agenda, the generated draft of the minutes, the signed minutes. */
@Component
public class MeetingDocuments {

  private final MeetingViews views;
  private final DocumentService documents;
  private final DocumentStore store;
  private final MeetingRecord record;

  public MeetingDocuments(MeetingViews views, DocumentService documents, DocumentStore store, MeetingRecord record) {
    this.views = views;
    this.documents = documents;
    this.store = store;
    this.record = record;
  }

  public StoredDocument storeAgenda(String key) {
    return documents.storeAgenda(views.meeting(key), null);
  }

  public StoredDocument storeMinutesDraft(String key) {
    return documents.storeMinutesDraft(views.minutes(key), null);
  }

  /**
   * Freezes the minutes as signed (SHA-256). A generated draft is generated anew first, so the signed text
   * has every dissenting opinion and confirmed outcome; an edited upload that predates a dissenting opinion
   * is refused, since the opinion must be entered into the minutes (§ 17).
   */
  public StoredDocument sign(String key, String signer) {
    StoredDocument current = store.currentMinutes(key)
        .orElseThrow(() -> new Refusal("Проект протокола ещё не сформирован"));
    if (current.kind() == DocumentKind.MINUTES_DRAFT) {
      storeMinutesDraft(key);
    } else if (record.dissents(key).stream().anyMatch(d -> d.filedAt().toInstant().isAfter(current.createdAt()))) {
      throw new Refusal("После загрузки протокола поступило особое мнение (п. 17 Положения): верните протокол "
          + "на доработку, чтобы внести его");
    }
    return store.sign(key, signer);
  }
}
