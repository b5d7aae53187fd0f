package ru.nso.wg.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.common.Refusal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocxPackageTest {

  @TempDir
  Path noOverrides;

  private byte[] minutes() {
    return new DocumentService(new TemplateResources(noOverrides), null).minutes(Fixtures.minutes("2026-3"));
  }

  /** The same document packed again by java.util.zip: data descriptors after each entry, and a comment. */
  private static byte[] repacked(byte[] docx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
         ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setComment("saved again");
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void aWordDocumentIsAcceptedHoweverItWasZipped() throws IOException {
    byte[] docx = minutes();
    assertThatCode(() -> DocxPackage.requireWordDocument(docx)).doesNotThrowAnyException();
    byte[] repacked = repacked(docx);
    assertThatCode(() -> DocxPackage.requireWordDocument(repacked)).doesNotThrowAnyException();
  }

  @Test
  void anythingBeforeBetweenOrAfterTheEntriesIsRefused() throws IOException {
    byte[] docx = repacked(minutes());
    byte[] junk = "junk".repeat(1000).getBytes();
    assertThatThrownBy(() -> DocxPackage.requireWordDocument(concat(docx, junk))).isInstanceOf(Refusal.class)
        .hasMessageContaining("лишние данные");
    assertThatThrownBy(() -> DocxPackage.requireWordDocument(concat(junk, docx))).isInstanceOf(Refusal.class);
    // a few bytes after the end record, as a comment's length would not account for them
    assertThatThrownBy(() -> DocxPackage.requireWordDocument(concat(docx, new byte[] {0, 0})))
        .isInstanceOf(Refusal.class);
    // a ZIP that is not a Word document
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("не протокол".getBytes());
      zip.closeEntry();
    }
    assertThatThrownBy(() -> DocxPackage.requireWordDocument(out.toByteArray())).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> DocxPackage.requireWordDocument(new byte[0])).isInstanceOf(Refusal.class);
  }
}
