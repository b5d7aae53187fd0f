package ru.nso.wg.document;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template engine on documents shaped like those Word writes (placeholders split over runs). */
class DocxTemplateTest {

  private static byte[] bytes(XWPFDocument doc) throws IOException {
    try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static XWPFDocument read(byte[] docx) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(docx));
  }

  private static void runs(XWPFParagraph p, String... pieces) {
    for (int i = 0; i < pieces.length; i++) {
      XWPFRun r = p.createRun();
      r.setBold(i % 2 == 1);
      r.setText(pieces[i]);
    }
  }

  @Test
  void placeholdersSplitOverRunsAreReplacedKeepingTheFormattingOfTheirFirstRun() throws IOException {
    XWPFDocument doc = new XWPFDocument();
    runs(doc.createParagraph(), "Председательствующий: ", "{{presi", "ding}}", " — конец");
    byte[] out = DocxTemplate.render("t", bytes(doc), Map.of("presiding", "Лебедева О.Н."));

    try (XWPFDocument result = read(out)) {
      XWPFParagraph p = result.getParagraphs().get(0);
      assertThat(p.getText()).isEqualTo("Председательствующий: Лебедева О.Н. — конец");
      assertThat(p.getRuns().get(1).getText(0)).isEqualTo("Лебедева О.Н.");
      assertThat(p.getRuns().get(1).isBold()).isTrue();
    }
  }

  @Test
  void lineBreaksBecomeBreaksAndListsRepeatParagraphsAndTableRows() throws IOException {
    XWPFDocument doc = new XWPFDocument();
    doc.createParagraph().createRun().setText("{{#items}}");
    doc.createParagraph().createRun().setText("{{n}}. {{text}}");
    doc.createParagraph().createRun().setText("{{/items}}");
    XWPFTable table = doc.createTable(2, 2);
    table.getRow(0).getCell(0).setText("Шапка");
    table.getRow(1).getCell(0).setText("{{#people}}{{name}}");
    table.getRow(1).getCell(1).setText("{{#video}}ВКС{{/video}}{{/people}}");
    doc.createTable(1, 1).getRow(0).getCell(0).setText("{{#nobody}}{{name}}{{/nobody}}");
    doc.createParagraph().createRun().setText("Итого{{#none}} ничего{{/none}}{{^none}}: пусто{{/none}}");

    byte[] out = DocxTemplate.render("t", bytes(doc), Map.of(
        "items", List.of(Map.of("n", 1, "text", "первая\nвторая"), Map.of("n", 2, "text", "третья")),
        "people", List.of(Map.of("name", "Иванов", "video", true), Map.of("name", "Петров", "video", false)),
        "nobody", List.of(), "none", List.of()));

    try (XWPFDocument result = read(out)) {
      assertThat(result.getParagraphs()).extracting(XWPFParagraph::getText)
          .containsExactly("1. первая\nвторая", "2. третья", "Итого: пусто");
      assertThat(result.getDocument().getBody().xmlText()).contains("<w:br/>");
      assertThat(result.getTables()).hasSize(1); // the table whose only row repeated nothing is gone
      XWPFTable t = result.getTables().get(0);
      assertThat(t.getRows()).hasSize(3);
      assertThat(t.getRow(1).getCell(0).getText()).isEqualTo("Иванов");
      assertThat(t.getRow(1).getCell(1).getText()).isEqualTo("ВКС");
      assertThat(t.getRow(2).getCell(0).getText()).isEqualTo("Петров");
      assertThat(t.getRow(2).getCell(1).getText()).isEmpty();
    }
  }

  /**
   * Text stored before input was checked at the boundary may hold characters XML 1.0 forbids: the document is made
   * all the same (they become U+FFFD, a vertical tab a line break), never a corrupt file.
   */
  @Test
  void charactersXmlForbidsNeverCorruptTheDocument() throws IOException {
    XWPFDocument doc = new XWPFDocument();
    doc.createParagraph().createRun().setText("Место: {{place}}");
    byte[] out = DocxTemplate.render("t", bytes(doc), Map.of("place", "Зал\u0001 № 1 \uD800корпус\u000Bэтаж 2"));

    try (XWPFDocument result = read(out)) {
      assertThat(result.getParagraphs().get(0).getText()).isEqualTo("Место: Зал\uFFFD № 1 \uFFFDкорпус\nэтаж 2");
    }
  }

  @Test
  void aBrokenTemplateFailsWithAMessageNamingTheProblem() throws IOException {
    XWPFDocument unknown = new XWPFDocument();
    unknown.createParagraph().createRun().setText("{{nosuchfield}}");
    byte[] unknownBytes = bytes(unknown);
    assertThatThrownBy(() -> DocxTemplate.render("docx/minutes.docx", unknownBytes, Map.of()))
        .isInstanceOf(DocxTemplate.TemplateException.class)
        .hasMessageContaining("docx/minutes.docx").hasMessageContaining("{{nosuchfield}}");

    XWPFDocument unclosed = new XWPFDocument();
    unclosed.createParagraph().createRun().setText("{{#items}}");
    byte[] unclosedBytes = bytes(unclosed);
    assertThatThrownBy(() -> DocxTemplate.render("t", unclosedBytes, Map.of("items", List.of())))
        .hasMessageContaining("{{#items}} не закрыт");

    assertThatThrownBy(() -> DocxTemplate.render("t", "not a zip".getBytes(), Map.of()))
        .isInstanceOf(DocxTemplate.TemplateException.class);
  }
}
