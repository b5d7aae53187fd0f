package ru.nso.wg.document;

import ru.nso.wg.common.Refusal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * What a speaker may upload as materials of an agenda item (issue 16, point 2), decided by the file's content, never
 * by its name: PDF, DOCX, XLSX, PPTX (a ZIP whose {@code [Content_Types].xml} names the right main part), ODT, PNG
 * and JPEG. Refused, with a Russian message and before anything is stored: an empty or too large file, any other
 * content (an executable named {@code .pdf}), a name whose extension is not the content's, an Office file with
 * macros (a {@code vbaProject.bin}, a macro-enabled content type, ODF Basic or scripts) and any XML part with a
 * {@code DOCTYPE} or entity declaration (external entities). File names are sanitised ({@link #safeName}).
 */
public final class MaterialFiles {

  /** An accepted type, with its extension and MIME type. */
  public enum Type {
    PDF("pdf", "application/pdf", "PDF"),
    DOCX("docx", DocumentStore.DOCX, "Word (DOCX)"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
    PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (PPTX)"),
    ODT("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)"),
    PNG("png", "image/png", "PNG"),
    JPEG("jpg", "image/jpeg", "JPEG");

    private final String extension;
    private final String contentType;
    private final String title;

    Type(String extension, String contentType, String title) {
      this.extension = extension;
      this.contentType = contentType;
      this.title = title;
    }

    public String extension() {
      return extension;
    }

    public String contentType() {
      return contentType;
    }

    public String title() {
      return title;
    }

    boolean fits(String ext) {
      return extension.equals(ext) || this == JPEG && "jpeg".equals(ext);
    }
  }

  /** An accepted file: its sanitised name and its type as read from the content. */
  public record Checked(String fileName, Type type) {
  }

  static final String ALLOWED = "допускаются PDF, DOCX, XLSX, PPTX, ODT, PNG и JPEG";
  private static final int MAX_ENTRIES = 5_000;
  private static final long MAX_UNPACKED = 200L * 1024 * 1024;
  private static final int MAX_NAME = 150;
  private static final Map<String, Type> OOXML_MAIN = Map.of(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Type.DOCX,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Type.XLSX,
      "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Type.PPTX);

  private MaterialFiles() {
  }

  /**
   * Checks an upload.
   *
   * @param originalName the name the browser sent (may be anything)
   * @param content      the bytes
   * @param maxBytes     the size limit (setting)
   * @throws Refusal 413 when too large, 400 otherwise
   */
  public static Checked check(String originalName, byte[] content, long maxBytes) {
    if (content == null || content.length == 0) {
      throw new Refusal("Файл пуст: загрузите документ с материалами");
    }
    if (content.length > maxBytes) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл больше допустимого размера (" + megabytes(maxBytes)
          + "): загрузите файл поменьше или разделите материалы на несколько файлов");
    }
    String name = safeName(originalName);
    Type type = detect(content);
    String ext = extension(name);
    if (!type.fits(ext)) {
      throw new Refusal("Имя файла «" + name + "» не соответствует его содержимому (" + type.title()
          + "): файл не принят");
    }
    return new Checked(name, type);
  }

  /** The type read from the content; refused when the content is none of the allowed ones or is unsafe. */
  static Type detect(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Type.PDF;
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return Type.PNG;
    }
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Type.JPEG;
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return zipped(content);
    }
    throw new Refusal("Недопустимый тип файла: " + ALLOWED + " (тип определяется по содержимому файла, а не по "
        + "его имени)");
  }

  private static Type zipped(byte[] content) {
    Map<String, byte[]> parts = new HashMap<>();
    boolean macros = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      long unpacked = 0;
      int entries = 0;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new Refusal("Файл содержит слишком много частей: не принят");
        }
        String path = entry.getName();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin")
            || lower.startsWith("basic/") || lower.startsWith("scripts/")) {
          macros = true;
        }
        byte[] bytes = readLimited(zip, MAX_UNPACKED - unpacked);
        unpacked += bytes.length;
        if (lower.endsWith(".xml") || lower.endsWith(".rels") || lower.equals("mimetype")) {
          if (!lower.equals("mimetype") && declaresDoctype(bytes)) {
            throw new Refusal("Документ содержит объявление DOCTYPE или внешние сущности (часть «" + path
                + "»): такие файлы не принимаются из соображений безопасности. Сохраните документ заново в Word "
                + "или LibreOffice и загрузите его ещё раз");
          }
          parts.put(path, bytes);
        }
      }
    } catch (ZipException e) {
      throw new Refusal("Файл повреждён (архив не читается): " + ALLOWED);
    } catch (IOException e) {
      throw new Refusal("Файл не удалось прочитать: " + ALLOWED);
    }
    String types = Optional.ofNullable(parts.get("[Content_Types].xml"))
        .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    if (types != null) {
      String lowerTypes = types.toLowerCase(Locale.ROOT);
      if (macros || lowerTypes.contains("macroenabled") || lowerTypes.contains("vbaproject")
          || lowerTypes.contains("vnd.ms-office.activex")) {
        throw macroRefusal();
      }
      Optional<Type> main = OOXML_MAIN.entrySet().stream().filter(e -> types.contains("\"" + e.getKey() + "\""))
          .map(Map.Entry::getValue).findFirst();
      return main.orElseThrow(() -> new Refusal("Недопустимый тип документа Office (шаблон, документ с макросами "
          + "или иной формат): " + ALLOWED));
    }
    byte[] mimetype = parts.get("mimetype");
    if (mimetype != null) {
      String odf = new String(mimetype, StandardCharsets.US_ASCII).trim();
      if (macros) {
        throw macroRefusal();
      }
      if (Type.ODT.contentType().equals(odf)) {
        return Type.ODT;
      }
    }
    throw new Refusal("Недопустимый тип файла (архив, не являющийся документом): " + ALLOWED);
  }

  private static Refusal macroRefusal() {
    return new Refusal("Документ содержит макросы: такие файлы не принимаются. Сохраните его без макросов (DOCX, "
        + "XLSX, PPTX) и загрузите ещё раз");
  }

  /** Whether an XML part declares a DOCTYPE or an entity, in UTF-8 or UTF-16. */
  static boolean declaresDoctype(byte[] xml) {
    String text;
    if (xml.length >= 2 && (xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF
        || xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE)) {
      text = new String(xml, StandardCharsets.UTF_16);
    } else if (xml.length >= 2 && (xml[0] == 0 && xml[1] == '<' || xml[0] == '<' && xml[1] == 0)) {
      text = new String(xml, xml[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    } else {
      text = new String(xml, StandardCharsets.ISO_8859_1);
    }
    String upper = text.toUpperCase(Locale.ROOT);
    return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
  }

  /**
   * A file name safe to store, show and send: the last segment of any path, Unicode NFC, without control and
   * direction-changing characters or {@code <>:"/\|?*}, at most 150 characters (the extension kept); «материалы» when
   * nothing remains.
   */
  public static String safeName(String original) {
    String name = original == null ? "" : original;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = Normalizer.normalize(name.substring(slash + 1), Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || "<>:\"/\\|?*".indexOf(c) >= 0) {
        clean.append('_');
      } else {
        clean.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
      }
    });
    String result = clean.toString().replaceAll(" {2,}", " ").replaceAll("^[. _]+|[. ]+$", "");
    if (result.length() > MAX_NAME) {
      String ext = extension(result);
      int keep = MAX_NAME - (ext.isEmpty() ? 0 : ext.length() + 1);
      result = result.substring(0, keep).trim() + (ext.isEmpty() ? "" : "." + ext);
    }
    return result.isEmpty() ? "материалы" : result;
  }

  /** The extension in lower case, without the dot; empty when there is none. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " МБ" : bytes / 1024 + " КБ";
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] readLimited(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      total += n;
      if (total > limit) {
        throw new Refusal("Файл после распаковки слишком велик: не принят");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
