package ru.nso.wg.monitoring;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ru.nso.wg.common.RussianDates;

/**
 * A small writer of XLSX tables (Apache POI): one sheet per table, a bold header row that stays frozen and filters,
 * dates as dates (dd.mm.yyyy, instants in Novosibirsk time as dd.mm.yyyy hh:mm), numbers as numbers, column widths
 * fitted to the longest value (capped, long text wraps).
 */
final class Workbook {

  private static final int MAX_WIDTH_CHARS = 60;

  private final XSSFWorkbook book = new XSSFWorkbook();
  private final CellStyle header;
  private final CellStyle date;
  private final CellStyle dateTime;
  private final CellStyle text;

  Workbook() {
    CreationHelper helper = book.getCreationHelper();
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    date = book.createCellStyle();
    date.setDataFormat(helper.createDataFormat().getFormat("dd.mm.yyyy"));
    date.setVerticalAlignment(VerticalAlignment.TOP);
    dateTime = book.createCellStyle();
    dateTime.setDataFormat(helper.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
    dateTime.setVerticalAlignment(VerticalAlignment.TOP);
    text = book.createCellStyle();
    text.setWrapText(true);
    text.setVerticalAlignment(VerticalAlignment.TOP);
  }

  /** A table: a sheet {@code name}, headers, rows of String, Number, LocalDate, OffsetDateTime, Boolean or null. */
  void sheet(String name, List<String> headers, List<List<Object>> rows) {
    Sheet sheet = book.createSheet(name);
    int[] widths = new int[headers.size()];
    Row head = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      Cell cell = head.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(header);
      widths[c] = Math.max(widths[c], longestWord(headers.get(c)) + 2);
      widths[c] = Math.max(widths[c], Math.min(headers.get(c).length(), 24) + 2);
    }
    int r = 1;
    for (List<Object> values : rows) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        int width;
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
          width = String.valueOf(n).length();
        } else if (v instanceof LocalDate d) {
          cell.setCellValue(d);
          cell.setCellStyle(date);
          width = 10;
        } else if (v instanceof OffsetDateTime t) {
          cell.setCellValue(t.atZoneSameInstant(RussianDates.ZONE).toLocalDateTime());
          cell.setCellStyle(dateTime);
          width = 16;
        } else if (v instanceof Boolean b) {
          cell.setCellValue(b ? "да" : "нет");
          width = 3;
        } else {
          String s = v.toString();
          cell.setCellValue(s);
          cell.setCellStyle(text);
          width = s.lines().mapToInt(String::length).max().orElse(0);
        }
        widths[c] = Math.max(widths[c], Math.min(width + 2, MAX_WIDTH_CHARS));
      }
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, Math.min(widths[c], MAX_WIDTH_CHARS) * 256);
    }
    sheet.createFreezePane(0, 1);
    if (!headers.isEmpty()) {
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
    }
  }

  private static int longestWord(String s) {
    int max = 0;
    for (String w : s.split("\\s+")) {
      max = Math.max(max, w.length());
    }
    return max;
  }

  byte[] bytes() {
    try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>(values.length);
    Collections.addAll(row, values);
    return row;
  }
}
