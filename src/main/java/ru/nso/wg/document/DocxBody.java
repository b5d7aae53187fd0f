package ru.nso.wg.document;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The body of an uploaded Word document (the secretariat's edition of the minutes) as simple XHTML for the PDF:
 * paragraphs (with their alignment: centred, right), bold, italic and underlined runs, line breaks and tables (nested
 * ones too). Kept out: images, fonts and sizes, colours, headers and footers, page layout and numbering (a numbered
 * list keeps its text but not the number Word draws). Every text is escaped; no attribute comes from the file.
 */
final class DocxBody {

  private DocxBody() {
  }

  /** The body of {@code docx} (already checked by {@link DocxPackage#requireWordDocument}) as XHTML. */
  static String toXhtml(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      StringBuilder html = new StringBuilder();
      elements(document.getBodyElements(), html);
      return html.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded minutes", e);
    }
  }

  private static void elements(List<IBodyElement> elements, StringBuilder html) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph paragraph) {
        paragraph(paragraph, html);
      } else if (element instanceof XWPFTable table) {
        table(table, html);
      }
    }
  }

  private static void paragraph(XWPFParagraph paragraph, StringBuilder html) {
    ParagraphAlignment alignment = paragraph.getAlignment();
    String align = alignment == ParagraphAlignment.CENTER ? " class=\"center\""
        : alignment == ParagraphAlignment.RIGHT ? " class=\"right\"" : "";
    html.append("<p").append(align).append('>');
    boolean empty = true;
    for (XWPFRun run : paragraph.getRuns()) {
      String text = run.text();
      if (text == null || text.isEmpty()) {
        continue;
      }
      empty = false;
      boolean bold = run.isBold();
      boolean italic = run.isItalic();
      boolean underline = run.getUnderline() != null && run.getUnderline() != UnderlinePatterns.NONE;
      html.append(bold ? "<b>" : "").append(italic ? "<i>" : "").append(underline ? "<u>" : "")
          .append(escape(text).replace("\n", "<br/>").replace("\t", " "))
          .append(underline ? "</u>" : "").append(italic ? "</i>" : "").append(bold ? "</b>" : "");
    }
    html.append(empty ? "\u00a0" : "").append("</p>\n");
  }

  private static void table(XWPFTable table, StringBuilder html) {
    html.append("<table class=\"upload\">\n");
    for (XWPFTableRow row : table.getRows()) {
      html.append("<tr>");
      for (XWPFTableCell cell : row.getTableCells()) {
        html.append("<td>");
        elements(cell.getBodyElements(), html);
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  /** XML-escaped text; characters XML 1.0 forbids are dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }
}
