package ru.nso.wg.document;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The mark a generated draft of the minutes carries inside the file: the meeting and the draft version, as custom
 * document properties ({@code docProps/custom.xml}). Word keeps custom properties when the file is edited and saved,
 * so an edit uploaded by the secretariat names the draft it was made from without anyone typing it; a newer draft
 * (a dissenting opinion came in after it) makes the edit stale.
 *
 * @param meetingKey   the meeting's business key, e.g. {@code 2026-3}
 * @param draftVersion the version of the generated draft (1, 2, …)
 */
public record DraftMark(String meetingKey, int draftVersion) {

  static final String MEETING = "wgMeeting";
  static final String DRAFT_VERSION = "wgDraftVersion";

  /** The document with this mark written into it (replacing any earlier mark). */
  byte[] writeInto(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
         ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length + 1024)) {
      POIXMLProperties.CustomProperties custom = document.getProperties().getCustomProperties();
      set(custom, MEETING, meetingKey);
      set(custom, DRAFT_VERSION, Integer.toString(draftVersion));
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The mark in an uploaded file: empty when the file has none (it was not made from a downloaded draft) or when
   * it is not a readable Word document.
   */
  static Optional<DraftMark> readFrom(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      POIXMLProperties.CustomProperties custom = document.getProperties().getCustomProperties();
      String meeting = text(custom.getProperty(MEETING));
      String version = text(custom.getProperty(DRAFT_VERSION));
      if (meeting == null || version == null || !version.matches("\\d{1,6}")) {
        return Optional.empty();
      }
      return Optional.of(new DraftMark(meeting, Integer.parseInt(version)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void set(POIXMLProperties.CustomProperties custom, String name, String value) {
    CTProperty existing = custom.getProperty(name);
    if (existing != null) {
      existing.setLpwstr(value);
    } else {
      custom.addProperty(name, value);
    }
  }

  private static String text(CTProperty property) {
    return property == null || !property.isSetLpwstr() ? null : property.getLpwstr().trim();
  }
}
