package ru.nso.wg.document;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import ru.nso.wg.common.Refusal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that uploaded bytes are exactly one Word document and nothing else. A ZIP reader (and Apache POI) happily
 * opens a valid DOCX followed by any amount of other data — or preceded by it — so the package's structure is read
 * first: the end-of-central-directory record ends the file, the central directory ends where that record begins,
 * and the local entries follow each other without gaps from the first byte to the central directory. The
 * uncompressed size and the number of entries are capped (a ZIP bomb is refused before POI inflates it). Then POI
 * must open it as a Word document.
 */
final class DocxPackage {

  /** The most bytes the unpacked document may have. */
  static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
  /** The most entries of the package (a minutes document has a few dozen). */
  static final int MAX_ENTRIES = 5_000;

  private static final int LOCAL = 0x04034b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int END = 0x06054b50;
  private static final int DESCRIPTOR = 0x08074b50;
  private static final String REFUSAL = "Файл не является документом Word (.docx), повреждён или содержит лишние "
      + "данные: сохраните протокол в Word заново и загрузите его";

  private DocxPackage() {
  }

  /** Refuses anything but exactly one well-formed Word document. */
  static void requireWordDocument(byte[] bytes) {
    try {
      checkStructure(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    } catch (IndexOutOfBoundsException e) {
      throw new Refusal(REFUSAL);
    }
    try (XWPFDocument ignored = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      // opened: a Word document
    } catch (Exception | LinkageError e) {
      throw new Refusal(REFUSAL);
    }
  }

  private record Entry(long offset, long compressed, int flags) {
  }

  private static void checkStructure(ByteBuffer zip) {
    int length = zip.limit();
    int end = -1;
    // the end record (22 bytes and a comment of at most 65535) must end exactly at the end of the file
    for (int at = length - 22; at >= Math.max(0, length - 22 - 0xFFFF); at--) {
      if (zip.getInt(at) == END && at + 22 + Short.toUnsignedInt(zip.getShort(at + 20)) == length) {
        end = at;
        break;
      }
    }
    if (end < 0) {
      throw new Refusal(REFUSAL);
    }
    int entries = Short.toUnsignedInt(zip.getShort(end + 10));
    long directorySize = Integer.toUnsignedLong(zip.getInt(end + 12));
    long directoryOffset = Integer.toUnsignedLong(zip.getInt(end + 16));
    if (entries == 0 || entries > MAX_ENTRIES || directoryOffset + directorySize != end) {
      throw new Refusal(REFUSAL);
    }
    List<Entry> local = new ArrayList<>();
    long unpacked = 0;
    int at = (int) directoryOffset;
    for (int i = 0; i < entries; i++) {
      if (zip.getInt(at) != CENTRAL) {
        throw new Refusal(REFUSAL);
      }
      int flags = Short.toUnsignedInt(zip.getShort(at + 8));
      long compressed = Integer.toUnsignedLong(zip.getInt(at + 20));
      unpacked += Integer.toUnsignedLong(zip.getInt(at + 24));
      int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
      local.add(new Entry(Integer.toUnsignedLong(zip.getInt(at + 42)), compressed, flags));
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (at != end || unpacked > MAX_UNPACKED_BYTES) {
      throw new Refusal(REFUSAL);
    }
    // the local entries, in file order, leave no byte between them, before the first or before the directory
    local.sort(Comparator.comparingLong(Entry::offset));
    long expected = 0;
    for (Entry entry : local) {
      int offset = (int) entry.offset();
      if (entry.offset() != expected || zip.getInt(offset) != LOCAL) {
        throw new Refusal(REFUSAL);
      }
      long next = entry.offset() + 30 + Short.toUnsignedInt(zip.getShort(offset + 26))
          + Short.toUnsignedInt(zip.getShort(offset + 28)) + entry.compressed();
      if ((entry.flags() & 0x08) != 0) {
        // a data descriptor follows the data: with its optional signature 16 bytes, else 12
        next += next + 4 <= length && zip.getInt((int) next) == DESCRIPTOR ? 16 : 12;
      }
      expected = next;
    }
    if (expected != directoryOffset) {
      throw new Refusal(REFUSAL);
    }
  }
}
