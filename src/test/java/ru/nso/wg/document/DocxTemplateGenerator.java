package ru.nso.wg.document;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the shipped Word templates {@code src/main/resources/templates/docx/agenda.docx} and
 * {@code minutes.docx} (A4, margins of ГОСТ Р 7.0.97-2016, Times New Roman 14). Run once after changing the layout:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=ru.nso.wg.document.DocxTemplateGenerator
 * </pre>
 * (or run {@code main} from the IDE), then commit the two files. Staff adapt the result in Word; the placeholders are
 * described in {@code templates/docx/README.md}.
 */
public final class DocxTemplateGenerator {

  private static final String FONT = "Times New Roman";
  private static final int SIZE = 14;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/templates/docx");
    Files.createDirectories(dir);
    write(agenda(), dir.resolve("agenda.docx"));
    write(minutes(), dir.resolve("minutes.docx"));
    System.out.println("Templates written to " + dir.toAbsolutePath());
  }

  static XWPFDocument agenda() {
    XWPFDocument doc = newDocument();
    XWPFTable approve = borderless(doc, 2, new int[] {4200, 5155});
    cellLines(approve.getRow(0).getCell(1), ParagraphAlignment.LEFT, false,
        "УТВЕРЖДАЮ", "{{presidingPosition}}", "", "_______________ {{presidingShort}}",
        "«___» ______________ 20___ г.");
    approve.getRow(0).getCell(0).getParagraphs().get(0);
    empty(doc);
    para(doc, ParagraphAlignment.CENTER, true, "ПОВЕСТКА");
    para(doc, ParagraphAlignment.CENTER, true,
        "заседания межведомственной рабочей группы по внедрению клиентоцентричности в Новосибирской области");
    empty(doc);
    dateAndNumber(doc);
    para(doc, ParagraphAlignment.LEFT, false, "Время начала: {{meetingTime}} (время новосибирское)");
    para(doc, ParagraphAlignment.BOTH, false, "Формат проведения: {{formatText}}");
    labelled(doc, "Председательствующий: ",
        "{{presidingName}}{{#presidingNote}} ({{presidingNote}}){{/presidingNote}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{#agenda}}");
    para(doc, ParagraphAlignment.BOTH, true, "{{number}}. {{title}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{#type}}Вид вопроса: {{type}}{{/type}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{#speaker}}Докладчик: {{speaker}}{{/speaker}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#hasMaterials}}Информационные материалы:{{/hasMaterials}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#materials}}");
    para(doc, ParagraphAlignment.BOTH, false, "– {{materialTitle}}{{#materialUrl}} ({{materialUrl}}){{/materialUrl}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/materials}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{/agenda}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#hasInvitees}}");
    para(doc, ParagraphAlignment.LEFT, true, "Приглашённые:");
    XWPFTable invitees = borderless(doc, 2, new int[] {3600, 5755});
    text(invitees.getRow(0).getCell(0), "{{#invitees}}{{name}}", false);
    text(invitees.getRow(0).getCell(1), "– {{position}}{{/invitees}}", false);
    para(doc, ParagraphAlignment.LEFT, false, "{{/hasInvitees}}");
    empty(doc);
    return doc;
  }

  static XWPFDocument minutes() {
    XWPFDocument doc = newDocument();
    para(doc, ParagraphAlignment.CENTER, true, "ПРОТОКОЛ");
    para(doc, ParagraphAlignment.CENTER, true,
        "заседания межведомственной рабочей группы по внедрению клиентоцентричности в Новосибирской области");
    empty(doc);
    dateAndNumber(doc);
    para(doc, ParagraphAlignment.CENTER, false, "г. Новосибирск");
    empty(doc);
    para(doc, ParagraphAlignment.BOTH, false, "Формат проведения: {{formatText}}");
    para(doc, ParagraphAlignment.LEFT, false, "Время начала: {{meetingTime}} (время новосибирское)");
    empty(doc);
    labelled(doc, "{{^presidingChanged}}Председательствующий: ",
        "{{presidingName}} – {{presidingPosition}}{{#presidingNote}}, {{presidingNote}}{{/presidingNote}}"
            + "{{/presidingChanged}}");
    labelled(doc, "{{#presidingChanged}}Председательствовал: ", "{{presidingText}}{{/presidingChanged}}");
    labelled(doc, "{{#secretaryName}}Секретарь: ",
        "{{secretaryName}}{{#secretaryPosition}} – {{secretaryPosition}}{{/secretaryPosition}}{{/secretaryName}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, true, "Присутствовали:");
    para(doc, ParagraphAlignment.LEFT, false, "члены Рабочей группы:");
    XWPFTable present = borderless(doc, 2, new int[] {3600, 5755});
    text(present.getRow(0).getCell(0), "{{#presentMembers}}{{name}}", false);
    text(present.getRow(0).getCell(1),
        "– {{position}}{{#attendance}} ({{attendance}}){{/attendance}}{{/presentMembers}}", false);
    para(doc, ParagraphAlignment.LEFT, false, "{{#hasPresentInvitees}}");
    para(doc, ParagraphAlignment.LEFT, true, "Приглашённые:");
    XWPFTable invited = borderless(doc, 2, new int[] {3600, 5755});
    text(invited.getRow(0).getCell(0), "{{#presentInvitees}}{{name}}", false);
    text(invited.getRow(0).getCell(1), "– {{position}}{{/presentInvitees}}", false);
    para(doc, ParagraphAlignment.LEFT, false, "{{/hasPresentInvitees}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#hasAbsentMembers}}");
    para(doc, ParagraphAlignment.LEFT, true, "Отсутствовали:");
    XWPFTable absent = borderless(doc, 2, new int[] {3600, 5755});
    text(absent.getRow(0).getCell(0), "{{#absentMembers}}{{name}}", false);
    text(absent.getRow(0).getCell(1), "– {{position}}{{/absentMembers}}", false);
    para(doc, ParagraphAlignment.LEFT, false, "{{/hasAbsentMembers}}");
    empty(doc);
    para(doc, ParagraphAlignment.BOTH, false, "{{quorumText}}");
    para(doc, ParagraphAlignment.BOTH, false,
        "{{#audioRecording}}Заседание записано на аудионоситель (п. 18 Положения): "
            + "{{audioRecording}}{{/audioRecording}}");
    empty(doc);
    para(doc, ParagraphAlignment.CENTER, true, "ПОВЕСТКА ДНЯ");
    para(doc, ParagraphAlignment.LEFT, false, "{{#agenda}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{number}}. {{title}}{{#speaker}} (докладчик: {{speaker}}){{/speaker}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/agenda}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{#items}}");
    para(doc, ParagraphAlignment.BOTH, true, "{{number}}. {{title}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#attendanceChanges}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{change}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/attendanceChanges}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{#presentText}}{{presentText}}{{/presentText}}");
    para(doc, ParagraphAlignment.LEFT, true, "СЛУШАЛИ:");
    para(doc, ParagraphAlignment.BOTH, false, "{{heard}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#spoke}}");
    para(doc, ParagraphAlignment.LEFT, true, "ВЫСТУПИЛИ:");
    para(doc, ParagraphAlignment.BOTH, false, "{{spoke}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/spoke}}");
    para(doc, ParagraphAlignment.LEFT, true, "РЕШИЛИ:");
    para(doc, ParagraphAlignment.BOTH, false, "{{decision}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{#instructions}}");
    para(doc, ParagraphAlignment.BOTH, false,
        "{{instructionNumber}}. {{#instructionText}}{{instructionText}} {{/instructionText}}"
            + "Исполнитель: {{executor}}.{{#controlArea}} Контроль: {{controlArea}}.{{/controlArea}}"
            + " Срок исполнения: {{dueDate}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/instructions}}");
    para(doc, ParagraphAlignment.BOTH, false,
        "{{#hasVotes}}Голосовали: за – {{votesFor}}, против – {{votesAgainst}}, "
            + "воздержались – {{votesAbstain}}.{{/hasVotes}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{outcomeText}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{/items}}");
    empty(doc);
    XWPFTable signatures = borderless(doc, 3, new int[] {3800, 2800, 2755});
    text(signatures.getRow(0).getCell(0), "Председательствующий", false);
    text(signatures.getRow(0).getCell(1), "_______________", false);
    XWPFParagraph presiding = signatures.getRow(0).getCell(2).getParagraphs().get(0);
    presiding.setAlignment(ParagraphAlignment.RIGHT);
    run(presiding, "{{presidingShort}}", false);
    XWPFTableRow secretaryRow = signatures.createRow();
    text(secretaryRow.getCell(0), "{{#secretaryName}}Секретарь", false);
    text(secretaryRow.getCell(1), "_______________", false);
    XWPFParagraph secretary = secretaryRow.getCell(2).getParagraphs().get(0);
    secretary.setAlignment(ParagraphAlignment.RIGHT);
    run(secretary, "{{secretaryShort}}{{/secretaryName}}", false);
    empty(doc);

    para(doc, ParagraphAlignment.LEFT, false, "{{#hasDissentingOpinions}}");
    XWPFParagraph appendix = para(doc, ParagraphAlignment.RIGHT, false, "Приложение");
    appendix.setPageBreak(true);
    para(doc, ParagraphAlignment.RIGHT, false, "к протоколу заседания Рабочей группы");
    para(doc, ParagraphAlignment.RIGHT, false, "от {{meetingDate}} {{meetingNumber}}");
    empty(doc);
    para(doc, ParagraphAlignment.CENTER, true, "ОСОБЫЕ МНЕНИЯ");
    para(doc, ParagraphAlignment.CENTER, false, "членов Рабочей группы (п. 17 Положения)");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{#dissentingOpinions}}");
    // the name stays in the nominative case: no declension of Russian names is attempted
    para(doc, ParagraphAlignment.BOTH, true,
        "Особое мнение по вопросу {{itemNumber}} «{{itemTitle}}». Член Рабочей группы: "
            + "{{memberName}}{{#memberPosition}} ({{memberPosition}}){{/memberPosition}}");
    para(doc, ParagraphAlignment.BOTH, false, "{{opinionText}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{opinionDate}}");
    para(doc, ParagraphAlignment.RIGHT, false, "_______________ {{memberShort}}");
    empty(doc);
    para(doc, ParagraphAlignment.LEFT, false, "{{/dissentingOpinions}}");
    para(doc, ParagraphAlignment.LEFT, false, "{{/hasDissentingOpinions}}");
    empty(doc);
    return doc;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static XWPFDocument newDocument() {
    XWPFDocument doc = new XWPFDocument();
    doc.getProperties().getCoreProperties().setCreator("wg-meetings");
    doc.getProperties().getCoreProperties().setTitle("Шаблон документа Рабочей группы");
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906)); // A4
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = sect.addNewPgMar();
    margins.setLeft(BigInteger.valueOf(1701));   // 30 mm
    margins.setRight(BigInteger.valueOf(850));   // 15 mm
    margins.setTop(BigInteger.valueOf(1134));    // 20 mm
    margins.setBottom(BigInteger.valueOf(1134)); // 20 mm
    margins.setHeader(BigInteger.valueOf(709));
    margins.setFooter(BigInteger.valueOf(709));
    return doc;
  }

  private static void dateAndNumber(XWPFDocument doc) {
    XWPFTable table = borderless(doc, 2, new int[] {4677, 4678});
    text(table.getRow(0).getCell(0), "{{meetingDate}}", false);
    XWPFParagraph right = table.getRow(0).getCell(1).getParagraphs().get(0);
    right.setAlignment(ParagraphAlignment.RIGHT);
    run(right, "{{meetingNumber}}", false);
  }

  private static XWPFParagraph para(XWPFDocument doc, ParagraphAlignment alignment, boolean bold, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(0);
    run(p, text, bold);
    return p;
  }

  private static void labelled(XWPFDocument doc, String label, String value) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.BOTH);
    p.setSpacingAfter(0);
    run(p, label, true);
    run(p, value, false);
  }

  private static void empty(XWPFDocument doc) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(0);
  }

  private static void run(XWPFParagraph p, String text, boolean bold) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(SIZE);
    r.setBold(bold);
    r.setText(text);
  }

  private static void text(XWPFTableCell cell, String text, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setSpacingAfter(0);
    run(p, text, bold);
  }

  private static void cellLines(XWPFTableCell cell, ParagraphAlignment alignment, boolean bold, String... lines) {
    for (int i = 0; i < lines.length; i++) {
      XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
      p.setAlignment(alignment);
      p.setSpacingAfter(0);
      run(p, lines[i], bold);
    }
  }

  private static XWPFTable borderless(XWPFDocument doc, int columns, int[] widths) {
    XWPFTable table = doc.createTable(1, columns);
    table.removeBorders();
    CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW()
        ? table.getCTTbl().getTblPr().getTblW() : table.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.DXA);
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    width.setW(BigInteger.valueOf(total));
    for (int c = 0; c < columns; c++) {
      table.getRow(0).getCell(c).setWidth(String.valueOf(widths[c]));
    }
    return table;
  }

  private static void write(XWPFDocument doc, Path target) throws IOException {
    try (doc; OutputStream out = Files.newOutputStream(target)) {
      doc.write(out);
    }
  }

  private DocxTemplateGenerator() {
  }
}
