package ru.nso.wg.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.signature.SignatureRecords;
import ru.nso.wg.signature.SigningMode;
import ru.nso.wg.signature.StoredSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Point 6 of issue 17, the meeting's file for the archive: one ZIP with every stored document of the meeting (each
 * version of the agenda and of the minutes — drafts, the secretariat's edits, the signed minutes, and whatever kinds
 * the document store holds for it), the accepted signature ({@code .sig}) or the scan of the paper original, the
 * dissenting opinions and the agenda items' materials as text, and {@code manifest.json}: each file's name, kind,
 * SHA-256, size, author and time. Documents are read and written one at a time.
 */
@Component
public class MeetingDossier {

  /** One line of {@code manifest.json}. */
  public record ManifestEntry(String name, String kind, String sha256, long size, String author, String createdAt) {
  }

  /** {@code manifest.json}. */
  public record Manifest(String meetingKey, String meeting, String createdAt, List<ManifestEntry> files) {
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DocumentStore store;
  private final SignatureRecords signatures;
  private final MeetingRecord record;

  public MeetingDossier(DocumentStore store, SignatureRecords signatures, MeetingRecord record) {
    this.store = store;
    this.signatures = signatures;
    this.record = record;
  }

  /** Refused (404) when there is no such meeting. */
  public String requireMeeting(String key) {
    if (!key.matches("[A-Za-z0-9._-]{1,64}") || record.find(key).isEmpty()) {
      throw Refusal.notFound("Заседание " + key + " не найдено");
    }
    return key;
  }

  /** «Дело заседания № 1-2026.zip». */
  public String fileName(String key) {
    return "Дело заседания № " + record.get(key).ref().display().replace('/', '-').replace("№ ", "") + ".zip";
  }

  /** Writes the ZIP to {@code out} (not closed). */
  public void write(String key, Instant now, OutputStream out) throws IOException {
    List<ManifestEntry> manifest = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (long id : store.ids(key)) {
      StoredDocument document = store.find(key, id).orElseThrow();
      String folder = document.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
      String name = unique(names, folder + "/" + (document.kind() == DocumentKind.MINUTES_SIGNED ? ""
          : "v" + document.version() + " ") + document.fileName());
      add(zip, manifest, name, document.kind().name(), document.content(), document.createdBy(),
          document.createdAt());
    }
    for (StoredSignature signature : signatures.all(key)) {
      if (!signature.accepted()) {
        continue;
      }
      boolean paper = signature.method() == SigningMode.PAPER;
      add(zip, manifest, unique(names, "signature/" + signature.fileName()), paper ? "MINUTES_PAPER_SCAN"
          : "MINUTES_SIGNATURE", signature.content(), signature.uploadedBy(), signature.uploadedAt());
    }
    for (Dissent dissent : record.dissents(key)) {
      String text = "Особое мнение (п. 17 Положения)\nЧлен Рабочей группы: " + dissent.fullName() + "\nВопрос повестки "
          + "№ " + dissent.itemNo() + "\nПодано: " + dissent.filedAt() + "\n\n" + dissent.opinion() + "\n";
      add(zip, manifest, unique(names, "dissents/" + dissent.id() + " " + dissent.fullName() + ", вопрос "
          + dissent.itemNo() + ".txt"), "DISSENT", text.getBytes(StandardCharsets.UTF_8), dissent.userId(),
          dissent.filedAt().toInstant());
    }
    List<AgendaItem> withMaterials = record.agenda(key).stream()
        .filter(item -> item.materials() != null && !item.materials().isBlank()).toList();
    if (!withMaterials.isEmpty()) {
      String text = withMaterials.stream().map(item -> "Вопрос № " + item.no() + ". " + item.title()
          + "\nМатериалы: " + item.materials()).collect(Collectors.joining("\n\n", "", "\n"));
      add(zip, manifest, unique(names, "materials/Материалы к вопросам повестки.txt"), "MATERIALS",
          text.getBytes(StandardCharsets.UTF_8), null, null);
    }
    zip.putNextEntry(new ZipEntry("manifest.json"));
    zip.write(JSON.writeValueAsBytes(new Manifest(key, record.get(key).ref().display(), now.toString(), manifest)));
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  private static void add(ZipOutputStream zip, List<ManifestEntry> manifest, String name, String kind,
                          byte[] content, String author, Instant createdAt) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    if (createdAt != null) {
      entry.setTime(createdAt.toEpochMilli());
    }
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
    manifest.add(new ManifestEntry(name, kind, DocumentStore.sha256(content), content.length, author,
        createdAt == null ? null : createdAt.toString()));
  }

  /** File names in the archive: no path separators of their own, each once. */
  private static String unique(Set<String> names, String name) {
    int slash = name.indexOf('/');
    String clean = name.substring(0, slash + 1) + name.substring(slash + 1).replaceAll("[\\\\/:*?\"<>|]", "_");
    String candidate = clean;
    for (int i = 2; !names.add(candidate); i++) {
      int dot = clean.lastIndexOf('.');
      candidate = dot > slash ? clean.substring(0, dot) + " (" + i + ")" + clean.substring(dot) : clean + " (" + i
          + ")";
    }
    return candidate;
  }
}
