package ru.nso.wg.document;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What every endpoint serving a meeting's documents checks and answers alike: the meeting exists and has documents,
 * the caller is in one of the groups allowed, and a file goes out as an attachment with its SHA-256 and no caching.
 */
@Component
public class DocumentAccess {

  private final DocumentStore store;
  private final IdentityService identity;

  public DocumentAccess(DocumentStore store, IdentityService identity) {
    this.store = store;
    this.identity = identity;
  }

  /** The meeting's key when it names a meeting with documents; 404 otherwise (a key of another shape too). */
  public String known(String businessKey) {
    if (!businessKey.matches("[A-Za-z0-9._-]{1,64}") || !store.exists(businessKey)) {
      throw Refusal.notFound("Заседание " + businessKey + " не найдено или по нему нет документов");
    }
    return businessKey;
  }

  /** The caller when he is in one of {@code groups}: 401 without a login, 403 with {@code message} otherwise. */
  public Authentication requireAny(Set<String> groups, String message) {
    return CurrentCaller.requireAnyOf(identity, groups, message);
  }

  /** A stored document as a download. */
  public static ResponseEntity<byte[]> download(StoredDocument document) {
    return download(document.fileName(), document.contentType(), document.content());
  }

  /** A file as a download: attachment with its name, its SHA-256 in {@code X-Content-SHA256}, not cached. */
  public static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", DocumentStore.sha256(content))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }
}
