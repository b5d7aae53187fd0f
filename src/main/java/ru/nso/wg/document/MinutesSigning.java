package ru.nso.wg.document;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.signature.ExpectedSigner;
import ru.nso.wg.signature.SignatureRecords;
import ru.nso.wg.signature.SignerSnils;
import ru.nso.wg.signature.Signatures;
import ru.nso.wg.signature.SigningMode;
import ru.nso.wg.signature.StoredSignature;
import ru.nso.wg.signature.VerifiedSignature;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * § 18: how the presiding person's signature reaches the signed minutes, on the path the setting {@code
 * wg.signing.mode} chooses.
 * <ul>
 *   <li>electronic: the presiding person downloads {@link MeetingDocuments#minutesToSign}, signs it with a detached
 *       CAdES signature and uploads the {@code .sig}; it is verified at once ({@link Signatures}) and kept for exactly
 *       that document. The signing task is accepted only with such a signature on file, verified again at that
 *       moment;</li>
 *   <li>paper: the presiding person signs the printed minutes; the secretariat uploads the scan of the signed
 *       original (PDF); the signing task is accepted only once the scan of the current document is on file, so the
 *       copies (which follow the signing) never go out before it.</li>
 * </ul>
 * The signing itself is {@link MeetingDocuments#sign}; here it is wrapped so that the accepted signature or scan, the
 * frozen minutes and the record change in one transaction, or nothing does.
 */
@Component
public class MinutesSigning {

  /** The largest {@code .sig} accepted: a CMS signature with a certificate chain is a few kilobytes. */
  public static final int MAX_SIGNATURE_BYTES = 1024 * 1024;
  /** The largest scan accepted (README, "Input limits"). */
  public static final long MAX_SCAN_BYTES = 20L * 1024 * 1024;

  private final MeetingDocuments documents;
  private final DocumentStore store;
  private final MeetingRecord record;
  private final Signatures signatures;
  private final SignatureRecords records;
  private final SignerSnils snils;
  private final IdentityDirectory directory;
  private final CalendarClock clock;

  public MinutesSigning(MeetingDocuments documents, DocumentStore store, MeetingRecord record, Signatures signatures,
                        SignatureRecords records, SignerSnils snils, IdentityDirectory directory,
                        CalendarClock clock) {
    this.documents = documents;
    this.store = store;
    this.record = record;
    this.signatures = signatures;
    this.records = records;
    this.snils = snils;
    this.directory = directory;
    this.clock = clock;
  }

  public SigningMode mode() {
    return signatures.mode();
  }

  /**
   * The presiding person uploads a detached signature of the document to sign: verified at once against exactly its
   * bytes and the presiding person's SNILS or name, then kept. A refusal keeps nothing.
   */
  @Transactional
  public StoredSignature uploadSignature(String key, byte[] file, String actor) {
    Meeting meeting = unsigned(key);
    if (mode() != SigningMode.ELECTRONIC) {
      throw Refusal.conflict("Протоколы подписываются на бумаге (настройка WG_SIGNING_MODE=paper): файл электронной "
          + "подписи не принимается — секретариат загружает скан подписанного оригинала");
    }
    MeetingConduct.requireToSign(meeting, actor);
    if (file == null || file.length == 0) {
      throw new Refusal("Приложите файл подписи (.sig)");
    }
    if (file.length > MAX_SIGNATURE_BYTES) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл подписи больше 1 МБ: это не открепленная подпись");
    }
    StoredDocument toSign = documents.minutesToSign(key);
    VerifiedSignature verified = signatures.verify(toSign.content(), file, expected(meeting));
    return records.saveElectronic(key, toSign.id(), toSign.sha256(), baseName(toSign) + ".sig", file,
        DocumentStore.sha256(file), verified, actor);
  }

  /** The secretariat uploads the scan of the original signed on paper: a PDF of at most 20 MB. */
  @Transactional
  public StoredSignature uploadScan(String key, byte[] pdf, String actor) {
    unsigned(key);
    if (mode() != SigningMode.PAPER) {
      throw Refusal.conflict("Протоколы подписываются электронной подписью (настройка WG_SIGNING_MODE=electronic): "
          + "скан бумажного оригинала не принимается");
    }
    requirePdf(pdf);
    StoredDocument toSign = documents.minutesToSign(key);
    return records.saveScan(key, toSign.id(), toSign.sha256(), "Скан подписанного оригинала — " + baseName(toSign)
        + ".pdf", pdf, DocumentStore.sha256(pdf), actor, clock.now());
  }

  /** A PDF by its content: the {@code %PDF-} header, an end-of-file mark, at most 20 MB. */
  static void requirePdf(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      throw new Refusal("Приложите скан подписанного протокола (PDF)");
    }
    if (pdf.length > MAX_SCAN_BYTES) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл больше 20 МБ");
    }
    byte[] tail = Arrays.copyOfRange(pdf, Math.max(0, pdf.length - 1024), pdf.length);
    if (!new String(pdf, 0, Math.min(pdf.length, 5), StandardCharsets.ISO_8859_1).equals("%PDF-")
        || !new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
      throw new Refusal("Файл не является документом PDF: загрузите скан подписанного протокола в формате PDF");
    }
  }

  /**
   * § 18: the signing task's «Подписать протокол». Electronic: a signature of exactly the current document, uploaded
   * by the presiding person, must be on file and pass every check again now; paper: the scan of the current document
   * must be on file. Then the minutes are signed ({@link MeetingDocuments#sign}) and the signature or scan is
   * recorded as theirs. Any refusal changes nothing.
   */
  @Transactional
  public MeetingDocuments.SignedMinutes sign(String key, String signer, String editionRead) {
    Meeting meeting = record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    MeetingConduct.requireToSign(meeting, signer);
    StoredDocument toSign = documents.minutesToSign(key);
    // first what the presiding person read (an edition changed meanwhile says so), then the signature of it; a
    // refusal of either rolls the signing back
    MeetingDocuments.SignedMinutes signed = documents.sign(key, signer, editionRead);
    StoredSignature signature;
    if (mode() == SigningMode.ELECTRONIC) {
      signature = records.latestFor(key, SigningMode.ELECTRONIC, toSign.id())
          .filter(s -> s.uploadedBy().equals(signer))
          .orElseThrow(() -> Refusal.conflict("Протокол не подписан электронной подписью: скачайте документ для "
              + "подписи по ссылке в задаче, подпишите его открепленной подписью (.sig) и загрузите файл подписи, "
              + "затем завершите задачу"));
      signatures.verify(toSign.content(), signature.content(), expected(meeting));
    } else {
      signature = records.latestFor(key, SigningMode.PAPER, toSign.id())
          .orElseThrow(() -> Refusal.conflict("Скан подписанного на бумаге протокола ещё не загружен: секретариат "
              + "загружает его (PDF) по ссылке в задаче, после этого завершите задачу"));
    }
    // the form of record is the PDF/A of the edition that was signed, exactly what the signature was made over (the
    // DOCX of that edition is frozen beside it as the editable text)
    StoredDocument signedPdf = documents.minutesToSign(key);
    if (!signedPdf.sha256().equals(signature.documentSha256())) {
      throw Refusal.conflict("Подписанный документ не совпадает с документом, к которому загружена подпись: обновите "
          + "страницу задачи");
    }
    records.accept(signature.id(), signedPdf.id(), signer, clock.now());
    return new MeetingDocuments.SignedMinutes(signedPdf, signed.signing());
  }

  /** What the signing task says about the configured path, with its links (Markdown for the form). */
  public String instructions(String key) {
    String base = "/api/meetings/" + key;
    if (mode() == SigningMode.ELECTRONIC) {
      return "**Подписание электронной подписью** (квалифицированная подпись, ГОСТ Р 34.10-2012):\n\n"
          + "1. [Скачайте документ для подписи](" + base + "/minutes-to-sign) и подпишите его открепленной подписью "
          + "в формате CAdES-BES (например, в КриптоПро CSP или «КриптоАРМ»): получится файл .sig.\n"
          + "2. [Загрузите файл подписи](" + base + "/minutes/signature/upload): подпись проверяется сразу, "
          + "страница покажет результат проверки.\n"
          + "3. Выберите «Подписать протокол» и завершите задачу: протокол будет подписан, если к текущей редакции "
          + "загружена проверенная подпись.";
    }
    return "**Подписание на бумаге:**\n\n"
        + "1. [Скачайте протокол](" + base + "/minutes-to-sign), распечатайте и подпишите его.\n"
        + "2. Секретариат загружает скан подписанного оригинала (PDF) на [странице загрузки](" + base
        + "/minutes/scan/upload).\n"
        + "3. Выберите «Подписать протокол» и завершите задачу: это возможно после загрузки скана.";
  }

  /** The mark of the signature of the signed minutes (ГОСТ Р 7.0.97, requisite 28), once they are signed. */
  public Optional<SignatureMark> mark(String key) {
    return documents.signatureMark(key);
  }

  /** The accepted signature ({@code .sig}) or scan of the signed minutes. */
  public Optional<StoredSignature> accepted(String key) {
    return records.accepted(key);
  }

  /** Who must have signed: the presiding person's SNILS when configured, and the roster's full name. */
  private ExpectedSigner expected(Meeting meeting) {
    String userId = meeting.presidingUserId();
    return new ExpectedSigner(directory.userName(userId), snils.of(userId).orElse(null));
  }

  private Meeting unsigned(String key) {
    Meeting meeting = record.lock(key).orElseThrow(() -> Refusal.notFound("Заседание " + key + " не найдено"));
    if (store.signedMinutes(key).isPresent()) {
      throw Refusal.conflict("Протокол заседания " + meeting.ref().display() + " уже подписан");
    }
    return meeting;
  }

  private static String baseName(StoredDocument document) {
    String name = document.fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
