package ru.nso.wg.document;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.Attendance;
import ru.nso.wg.document.model.DissentingOpinion;
import ru.nso.wg.document.model.Instruction;
import ru.nso.wg.document.model.Invitee;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.model.Participant;
import ru.nso.wg.document.model.PresidingPerson;
import ru.nso.wg.document.model.Signatory;
import ru.nso.wg.document.model.VoteCounts;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** A meeting of the demo roster used by the document and notification tests. */
public final class Fixtures {

  public static final ZonedDateTime START = ZonedDateTime.of(LocalDateTime.of(2026, 5, 13, 10, 0), RussianDates.ZONE);

  private Fixtures() {
  }

  public static MeetingInfo meeting(String key, int sequence) {
    return meeting(key, sequence, START);
  }

  public static MeetingInfo meeting(String key, int sequence, ZonedDateTime start) {
    return new MeetingInfo(key, "3", start, null, MeetingFormat.IN_PERSON,
        "г. Новосибирск, Красный проспект, 18, зал заседаний № 501", "",
        PresidingPerson.deputyOnInstruction("Лебедева Ольга Николаевна",
            "Заместитель руководителя департамента организации управления и государственной гражданской службы", null),
        sequence,
        List.of(new Invitee("Петров Пётр Петрович", "Директор", "АНО «Центр компетенций»", "petrov@example.com"),
            new Invitee("Сидорова Анна Ивановна", "Эксперт", "ТПП Новосибирской области", null)),
        List.of(
            new AgendaItem(1, "Об утверждении регионального стандарта клиентоцентричности", "Региональный стандарт",
                "Морозов Дмитрий Сергеевич — заместитель министра экономического развития",
                List.of(new Material("Проект стандарта", "https://docs.example.org/standard.pdf"))),
            new AgendaItem(2, "О медиаплане на 2026 год", "Медиаплан", "Кузнецова Елена Игоревна", List.of()),
            new AgendaItem(3, "О реестре жизненных ситуаций", "Реестр жизненных ситуаций", "Павлова Наталья Юрьевна",
                List.of(new Material("Реестр (черновик)", "")))));
  }

  /** Item 1 by majority with an instruction, item 2 a tie decided by the casting vote, item 3 an ambiguous tie. */
  public static MinutesModel minutes(String key) {
    MeetingInfo meeting = meeting(key, 0);
    return new MinutesModel(meeting,
        List.of(
            new Participant("Лебедева Ольга Николаевна", "Заместитель руководителя департамента", Attendance.IN_PERSON),
            new Participant("Морозов Дмитрий Сергеевич", "Заместитель министра экономического развития",
                Attendance.IN_PERSON),
            new Participant("Кузнецова Елена Игоревна", "Заместитель министра цифрового развития", Attendance.VIDEO),
            new Participant("Васильев Павел Андреевич", "Министр труда и социального развития", Attendance.IN_PERSON),
            new Participant("Новикова Татьяна Петровна", "Заместитель министра здравоохранения", Attendance.IN_PERSON),
            new Participant("Фёдоров Игорь Михайлович", "Заместитель министра образования", Attendance.VIDEO),
            new Participant("Павлова Наталья Юрьевна", "Директор ГАУ НСО «МФЦ»", Attendance.IN_PERSON),
            new Participant("Семёнов Алексей Олегович", "Заместитель министра строительства", Attendance.IN_PERSON)),
        List.of(Participant.absent("Соколов Андрей Викторович", "Первый заместитель Губернатора Новосибирской области"),
            Participant.absent("Голубева Марина Владимировна", "Заместитель министра культуры")),
        null,
        List.of(new Invitee("Петров Пётр Петрович", "Директор", "АНО «Центр компетенций»", "petrov@example.com")),
        "Аудиозапись № 2026-3 от 13.05.2026 (сервер департамента, папка «Заседания»)",
        List.of(
            new ItemMinutes(1, "Об утверждении регионального стандарта клиентоцентричности",
                List.of("Морозов Д.С. — заместитель министра экономического развития"),
                "Васильев П.А. поддержал проект.\nНовикова Т.П. предложила уточнить сроки.",
                "1. Утвердить региональный стандарт клиентоцентричности.",
                new VoteCounts(6, 1, 1), Decision.ADOPTED, DecisionRule.MAJORITY,
                "Решение принято простым большинством голосов от числа присутствующих (п. 16 Положения)",
                List.of(new Instruction("Разместить стандарт на портале.", "Министерство цифрового развития и связи",
                    LocalDate.of(2026, 6, 1), "Цифровая трансформация сферы государственного управления"))),
            new ItemMinutes(2, "О медиаплане на 2026 год", List.of("Кузнецова Е.И."), "",
                "Одобрить медиаплан на 2026 год.", new VoteCounts(4, 4, 0), Decision.ADOPTED, DecisionRule.CASTING_VOTE,
                "При равенстве голосов решение принято решающим голосом председательствующего (п. 16 Положения)",
                List.of()),
            new ItemMinutes(3, "О реестре жизненных ситуаций", List.of("Павлова Н.Ю."), "",
                "Направить реестр на доработку.", new VoteCounts(3, 3, 2), Decision.REJECTED,
                DecisionRule.CONFIRMED_BY_PRESIDING, "Голоса «за» и «против» разделились поровну (за — 3, против — 3; "
                + "воздержались — 2). Решение не принято: результат голосования подтверждён председательствующим "
                + "(п. 16 Положения)", List.of())),
        List.of(new DissentingOpinion("Фёдоров Игорь Михайлович", "Заместитель министра образования", 2,
            "Считаю медиаплан недостаточно проработанным: не учтены муниципальные образования.",
            LocalDate.of(2026, 5, 14))),
        new Signatory("Смирнова Юлия Сергеевна", "Консультант департамента"),
        null);
  }

  /** The text of a Word document, as a reader sees it. */
  public static String docxText(byte[] docx) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same document without the draft mark: a file made outside the downloaded draft. */
  public static byte[] unmarked(byte[] docx) {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
         ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList().clear();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
