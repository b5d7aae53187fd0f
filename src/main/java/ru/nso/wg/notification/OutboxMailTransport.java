package ru.nso.wg.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The embedded default when no SMTP server is configured: every message is written as an {@code .eml} file
 * (RFC 822, opens in any mail client) under {@code wg.mail.outbox-dir} and logged, so a new user sees exactly
 * what would be sent. The file appears atomically (written aside, then moved).
 */
public class OutboxMailTransport implements MailTransport {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxMailTransport.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Path directory;
  private final Session session = Session.getInstance(new Properties());

  public OutboxMailTransport(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public MimeMessage newMessage() {
    return new MimeMessage(session);
  }

  @Override
  public void send(MimeMessage message) {
    try {
      Files.createDirectories(directory);
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      String base = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + safe(messageId);
      Path target = directory.resolve(base + ".eml");
      Path temp = directory.resolve(base + ".eml.tmp");
      // buffered: MimeMessage.writeTo writes line by line, one system call per line unbuffered (docs/performance.md)
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        message.writeTo(out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      String to = message.getAllRecipients() == null ? "" : Arrays.stream(message.getAllRecipients())
          .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
          .collect(Collectors.joining(", "));
      LOG.info("E-mail to {} «{}» written to the outbox: {} (no SMTP server configured, MAIL_HOST is empty)",
          to, message.getSubject(), target.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the e-mail to the outbox " + directory.toAbsolutePath(), e);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot write the e-mail to the outbox: " + e.getMessage(), e);
    }
  }

  /** Whether a message with this Message-ID is in the outbox (files appear atomically, so a file is whole). */
  @Override
  public boolean accepted(String messageId) {
    if (messageId == null || !Files.isDirectory(directory)) {
      return false;
    }
    String suffix = "-" + safe(messageId) + ".eml";
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the outbox " + directory.toAbsolutePath(), e);
    }
  }

  private static String safe(String messageId) {
    if (messageId == null) {
      return "message";
    }
    String s = messageId.replaceAll("[<>]", "").replaceAll("@.*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 120 ? s.substring(0, 120) : s;
  }

  @Override
  public String name() {
    return "outbox";
  }
}
