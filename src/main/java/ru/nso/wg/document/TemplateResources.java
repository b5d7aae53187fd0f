package ru.nso.wg.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the DOCX templates come from. The shipped templates are classpath resources under {@code templates/}; an
 * administrator adapts one by copying it to the same relative path under {@code wg.templates.directory} (default
 * {@code ./data/templates}), e.g. {@code ./data/templates/docx/minutes.docx}. A file there wins over the shipped one;
 * no restart is needed. The HTML and mail templates are read the same way by the template engine
 * ({@code common.TemplateEngines}).
 */
@Component
public class TemplateResources {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateResources.class);

  private final Path overrideDirectory;

  public TemplateResources(@Value("${wg.templates.directory:./data/templates}") Path overrideDirectory) {
    this.overrideDirectory = overrideDirectory;
  }

  /** The bytes of {@code templates/<relativePath>}, from the override directory if present there. */
  public byte[] read(String relativePath) {
    if (relativePath.contains("..") || relativePath.startsWith("/")) {
      throw new IllegalArgumentException("Invalid template path " + relativePath);
    }
    Path override = overrideDirectory.resolve(relativePath);
    try {
      if (Files.isRegularFile(override)) {
        LOG.debug("Using template {} from {}", relativePath, override.toAbsolutePath());
        return Files.readAllBytes(override);
      }
      ClassPathResource resource = new ClassPathResource("templates/" + relativePath);
      if (!resource.exists()) {
        throw new IllegalStateException("Шаблон templates/" + relativePath + " не найден");
      }
      try (InputStream in = resource.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + relativePath, e);
    }
  }
}
