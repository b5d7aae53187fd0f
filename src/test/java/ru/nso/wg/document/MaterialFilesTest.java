package ru.nso.wg.document;

import org.junit.jupiter.api.Test;
import ru.nso.wg.common.Refusal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a speaker may upload: decided by the content, never by the name (MaterialFiles). */
public class MaterialFilesTest {

  static final long LIMIT = 1024 * 1024;

  /** The smallest OOXML package whose main part has the given content type. */
  public static byte[] ooxml(String mainContentType, Map<String, String> extraParts) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + mainContentType + "\"/></Types>");
    parts.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships "
        + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
    parts.put("word/document.xml", "<?xml version=\"1.0\"?><w:document "
        + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
    parts.putAll(extraParts);
    return zip(parts);
  }

  public static byte[] docx() {
    return ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Map.of());
  }

  /** A DOCX whose main part declares an external entity (XXE). */
  public static byte[] docxWithExternalEntity() {
    return ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Map.of(
        "word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">&x;"
            + "</w:document>"));
  }

  /** A macro-enabled Word document (DOCM) with its VBA project. */
  public static byte[] docm() {
    return ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", Map.of("word/vbaProject.bin", "VBA"));
  }

  public static byte[] pdf() {
    return "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }

  /** The start of a Windows executable. */
  public static byte[] exe() {
    byte[] bytes = new byte[256];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    return bytes;
  }

  static byte[] zip(Map<String, String> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  @Test
  void pdfDocxXlsxPptxOdtPngAndJpegAreAcceptedByTheirContent() {
    assertThat(MaterialFiles.check("Доклад.pdf", pdf(), LIMIT).type()).isEqualTo(MaterialFiles.Type.PDF);
    assertThat(MaterialFiles.check("Справка.docx", docx(), LIMIT).type()).isEqualTo(MaterialFiles.Type.DOCX);
    assertThat(MaterialFiles.check("Расчёт.xlsx", ooxml(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Map.of()), LIMIT).type())
        .isEqualTo(MaterialFiles.Type.XLSX);
    assertThat(MaterialFiles.check("Слайды.pptx", ooxml(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Map.of()), LIMIT)
        .type()).isEqualTo(MaterialFiles.Type.PPTX);
    assertThat(MaterialFiles.check("Текст.odt", zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text",
        "content.xml", "<?xml version=\"1.0\"?><office:document-content/>")), LIMIT).type())
        .isEqualTo(MaterialFiles.Type.ODT);
    assertThat(MaterialFiles.check("схема.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0},
        LIMIT).type()).isEqualTo(MaterialFiles.Type.PNG);
    assertThat(MaterialFiles.check("фото.jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, LIMIT)
        .type()).isEqualTo(MaterialFiles.Type.JPEG);
  }

  @Test
  void anExecutableNamedPdfIsRefusedBecauseTheContentDecides() {
    assertThatThrownBy(() -> MaterialFiles.check("Доклад.pdf", exe(), LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("Недопустимый тип файла").hasMessageContaining("по содержимому");
  }

  @Test
  void aNameWhoseExtensionIsNotTheContentsIsRefused() {
    assertThatThrownBy(() -> MaterialFiles.check("Доклад.docx", pdf(), LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("не соответствует его содержимому (PDF)");
  }

  @Test
  void aDocxWithADoctypeOrExternalEntityIsRefused() {
    assertThatThrownBy(() -> MaterialFiles.check("Справка.docx", docxWithExternalEntity(), LIMIT))
        .isInstanceOf(Refusal.class).hasMessageContaining("DOCTYPE").hasMessageContaining("word/document.xml");
  }

  @Test
  void aDoctypeInUtf16IsFoundToo() {
    byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!doctype x>".getBytes(StandardCharsets.UTF_16LE);
    assertThat(MaterialFiles.declaresDoctype(xml)).isTrue();
    assertThat(MaterialFiles.declaresDoctype("<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void macroEnabledOfficeFilesAreRefused() {
    assertThatThrownBy(() -> MaterialFiles.check("Справка.docx", docm(), LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("макросы");
    byte[] docxWithVba = ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        Map.of("word/vbaProject.bin", "VBA"));
    assertThatThrownBy(() -> MaterialFiles.check("Справка.docx", docxWithVba, LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("макросы");
    byte[] odtWithBasic = zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text",
        "Basic/Standard/Module1.xml", "<?xml version=\"1.0\"?><script/>"));
    assertThatThrownBy(() -> MaterialFiles.check("Текст.odt", odtWithBasic, LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("макросы");
  }

  @Test
  void anEmptyOrTooLargeFileIsRefusedWithItsStatus() {
    assertThatThrownBy(() -> MaterialFiles.check("a.pdf", new byte[0], LIMIT)).isInstanceOf(Refusal.class)
        .hasMessageContaining("пуст");
    byte[] big = new byte[(int) LIMIT + 1];
    System.arraycopy(pdf(), 0, big, 0, pdf().length);
    assertThatThrownBy(() -> MaterialFiles.check("a.pdf", big, LIMIT)).isInstanceOfSatisfying(Refusal.class,
        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.TOO_LARGE)).hasMessageContaining("1 МБ");
  }

  @Test
  void aZipThatIsNoDocumentIsRefused() {
    assertThatThrownBy(() -> MaterialFiles.check("a.docx", zip(Map.of("payload.exe", "MZ")), LIMIT))
        .isInstanceOf(Refusal.class).hasMessageContaining("не являющийся документом");
  }

  @Test
  void fileNamesAreSanitised() {
    assertThat(MaterialFiles.safeName("C:\\Users\\ivanov\\Доклад.pdf")).isEqualTo("Доклад.pdf");
    assertThat(MaterialFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(MaterialFiles.safeName("отчёт\u202Efdp.exe")).isEqualTo("отчёт_fdp.exe");
    assertThat(MaterialFiles.safeName("a<b>:c\"|?*\n.pdf")).isEqualTo("a_b__c_____.pdf");
    assertThat(MaterialFiles.safeName("  ..  ")).isEqualTo("материалы");
    assertThat(MaterialFiles.safeName(null)).isEqualTo("материалы");
    String longName = "д".repeat(300) + ".pdf";
    assertThat(MaterialFiles.safeName(longName)).hasSize(150).endsWith(".pdf");
  }
}
