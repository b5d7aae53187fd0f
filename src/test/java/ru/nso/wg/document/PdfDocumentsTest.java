package ru.nso.wg.document;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.DissentingOpinion;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.pdf.PdfRenderer;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PdfDocumentsTest {

  private static final PdfDocuments PDF = new PdfDocuments(new PdfRenderer());

  @Test
  void minutesArePdfA2uWithTheRequisitesOfTheStandard() {
    byte[] pdf = PDF.minutes(Fixtures.minutes("2026-3"), null, null);

    assertThat(PdfConformance.violations(pdf)).isEmpty();
    String text = PdfConformance.text(pdf);
    assertThat(text).contains("МЕЖВЕДОМСТВЕННАЯ РАБОЧАЯ ГРУППА ПО ВНЕДРЕНИЮ КЛИЕНТОЦЕНТРИЧНОСТИ", "ПРОТОКОЛ",
        "13 мая 2026 г.", "№ 3", "г. Новосибирск", "Председательствующий: Лебедева Ольга Николаевна",
        "Секретарь: Смирнова Юлия Сергеевна", "Присутствовали:", "Кузнецова Елена Игоревна", "(в режиме ВКС)",
        "ПОВЕСТКА ДНЯ", "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "РЕШИЛИ:", "Голосовали: за – 6, против – 1, воздержались – 1.",
        "Исполнитель: Министерство цифрового развития и связи.", "Приложение: особые мнения на 1 л. в 1 экз.",
        "_______________ Ю.С. Смирнова", "ОСОБЫЕ МНЕНИЯ", "не учтены муниципальные образования");
    // the order of the requisites of ГОСТ Р 7.0.97: the name of the body above «ПРОТОКОЛ», the signatures
    // before the appendix
    assertThat(text.indexOf("МЕЖВЕДОМСТВЕННАЯ")).isLessThan(text.indexOf("ПРОТОКОЛ"));
    assertThat(text.indexOf("Приложение: особые мнения")).isLessThan(text.indexOf("_______________ О.Н. Лебедева"));
    assertThat(text.indexOf("_______________ О.Н. Лебедева")).isLessThan(text.indexOf("ОСОБЫЕ МНЕНИЯ"));
    // no mark of a signature on the document to sign
    assertThat(text).doesNotContain("Документ подписан электронной подписью", "Верно");
  }

  @Test
  void theAppendixMarkCountsTheSheetsOfTheAppendixAsRendered() {
    MinutesModel model = Fixtures.minutes("2026-3");
    List<DissentingOpinion> many = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      many.add(new DissentingOpinion("Фёдоров Игорь Михайлович", "Заместитель министра образования", 2,
          "Довод " + i + ". " + "Считаю медиаплан недостаточно проработанным. ".repeat(40), LocalDate.of(2026, 5, 14)));
    }
    byte[] pdf = PDF.minutes(model.withDissentingOpinions(many), null, null);

    int sheets = PdfDocuments.appendixPages(pdf);
    assertThat(sheets).isGreaterThan(1);
    assertThat(PdfConformance.text(pdf)).contains("Приложение: особые мнения на " + sheets + " л. в 1 экз.");
  }

  @Test
  void theCertifiedCopyCarriesTheMarkOfTheElectronicSignatureAndVerno() {
    SignatureMark mark = new SignatureMark("01DC3A5F00B2AE8B4C7D", "Лебедева Ольга Николаевна",
        LocalDate.of(2026, 1, 15), LocalDate.of(2027, 4, 15), OffsetDateTime.parse("2026-05-20T11:30+07:00"), false);
    byte[] pdf = PDF.minutes(Fixtures.minutes("2026-3"), mark,
        new Certification("Ю.С. Смирнова", "Секретарь Рабочей группы, консультант департамента",
            LocalDate.of(2026, 5, 21)));

    assertThat(PdfConformance.violations(pdf)).isEmpty();
    assertThat(PdfConformance.text(pdf)).contains("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
        "Сертификат: 01DC3A5F00B2AE8B4C7D", "Владелец: Лебедева Ольга Николаевна",
        "Действителен с 15.01.2026 по 15.04.2027", "Подписан: 20.05.2026 11:30",
        "Верно", "Секретарь Рабочей группы, консультант департамента", "Ю.С. Смирнова", "21.05.2026")
        // signed electronically: no blank line to sign on
        .doesNotContain("_______________ О.Н. Лебедева");
  }

  @Test
  void aCopyOfMinutesSignedOnPaperSaysSo() {
    SignatureMark paper = new SignatureMark("", "Лебедева Ольга Николаевна", null, null,
        OffsetDateTime.parse("2026-05-20T11:30+07:00"), true);
    String text = PdfConformance.text(PDF.minutes(Fixtures.minutes("2026-3"), paper, null));

    assertThat(text).contains("ПОДЛИННИК ПОДПИСАН НА БУМАЖНОМ НОСИТЕЛЕ", "Подписал: Лебедева Ольга Николаевна")
        .doesNotContain("Сертификат:");
  }

  @Test
  void anUploadedEditionIsPrintedFromTheSecretariatsTextWithEmphasisAndTables() throws Exception {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = document.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun bold = title.createRun();
      bold.setBold(true);
      bold.setText("ПРОТОКОЛ (редакция секретариата)");
      XWPFParagraph body = document.createParagraph();
      body.createRun().setText("Текст, исправленный секретариатом <script>alert(1)</script> & ");
      XWPFRun italic = body.createRun();
      italic.setItalic(true);
      italic.setText("курсивом");
      XWPFTable table = document.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Исполнитель");
      table.getRow(0).getCell(1).setText("Срок");
      table.getRow(1).getCell(0).setText("Минцифры");
      table.getRow(1).getCell(1).setText("01.06.2026");
      document.write(out);
      docx = out.toByteArray();
    }
    String html = DocxBody.toXhtml(docx);
    assertThat(html).contains("<p class=\"center\"><b>ПРОТОКОЛ (редакция секретариата)</b></p>",
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ", "<i>курсивом</i>", "<td><p>Минцифры</p>")
        .doesNotContain("<script>");

    byte[] pdf = PDF.uploadedMinutes(Fixtures.minutes("2026-3"), docx, null, null);
    assertThat(PdfConformance.violations(pdf)).isEmpty();
    assertThat(PdfConformance.text(pdf)).contains("ПРОТОКОЛ (редакция секретариата)",
        "Текст, исправленный секретариатом <script>alert(1)</script> & курсивом", "Исполнитель", "Минцифры",
        "01.06.2026")
        // the generated text is not there: the edition is the secretariat's
        .doesNotContain("СЛУШАЛИ:");
  }

  @Test
  void thePublicVersionHasTheDecisionsButNoFlaggedItemNoDissentTextAndNoPersonWhoIsNotAnOfficial() {
    MinutesModel minutes = Fixtures.minutes("2026-3");
    String html = PDF.publicHtml(minutes, Set.of(3));
    byte[] pdf = PDF.publicPdf(minutes, Set.of(3));

    assertThat(PdfConformance.violations(pdf)).isEmpty();
    for (String published : List.of(html, PdfConformance.text(pdf))) {
      assertThat(published).contains("13 мая 2026 г.", "№ 3", "очное",
          "1. Об утверждении регионального стандарта клиентоцентричности",
          "1. Утвердить региональный стандарт клиентоцентричности.",
          "Исполнитель: Министерство цифрового развития и связи.",
          "Голосовали: за – 6, против – 1, воздержались – 1.", "2. О медиаплане на 2026 год",
          "Особое мнение приложено к протоколу.");
      // item 3 is not for publication; the opinion's text and author, invitees, speakers, the attendance stay out
      assertThat(published).doesNotContain("О реестре жизненных ситуаций", "Направить реестр на доработку",
          "не учтены муниципальные образования", "Фёдоров", "Петров", "Морозов", "Кузнецова", "Васильев",
          "ВЫСТУПИЛИ", "Аудиозапись", "Красный проспект");
    }
    // ready to paste: plain elements only
    assertThat(html).startsWith("<div>").contains("<h2>", "<h3>Решения</h3>", "<p><strong>")
        .doesNotContain("<script", "<style", "style=", "class=", "<html", "<body", "th:");
  }

  @Test
  void theApprovedAgendaIsPdfA() {
    byte[] pdf = PDF.agenda(Fixtures.meeting("2026-3", 0), new AgendaApproval("Соколов Андрей Викторович",
        "Первый заместитель Губернатора Новосибирской области", ZonedDateTime.parse("2026-05-05T15:20+07:00")));

    assertThat(PdfConformance.violations(pdf)).isEmpty();
    assertThat(PdfConformance.text(pdf)).contains("УТВЕРЖДАЮ", "А.В. Соколов",
        "утверждено в электронной форме 05.05.2026 15:20", "ПОВЕСТКА", "1. Об утверждении регионального стандарта",
        "Докладчик: Морозов Дмитрий Сергеевич", "Проект стандарта (https://docs.example.org/standard.pdf)",
        "Приглашённые:", "Петров Пётр Петрович");
  }
}
