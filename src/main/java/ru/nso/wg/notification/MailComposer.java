package ru.nso.wg.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Builds the MIME structure of a notification:
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain; charset=UTF-8
 *     text/html; charset=UTF-8
 *     text/calendar; method=REQUEST|CANCEL; charset=UTF-8      (when there is an invitation)
 *   text/calendar; method=…; name=invite.ics  (attachment)     (when there is an invitation)
 *   attachments (e.g. the minutes .docx)
 * </pre>
 * The calendar part inside the alternative is what Outlook and Thunderbird show as an invitation; the attached
 * copy serves clients that only open attachments.
 */
@Component
public class MailComposer {

  public static final String HEADER_MEETING = "X-WG-Meeting";
  public static final String HEADER_KIND = "X-WG-Message-Kind";

  /** A file attached to a message. */
  public record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** An iCalendar object and its METHOD. */
  public record CalendarPart(String method, String ics) {
  }

  /** Everything one message to one recipient consists of. */
  public record OutgoingMail(String meetingKey, String messageKind, Recipient to, String subject, String text,
                             String html, CalendarPart calendar, List<Attachment> attachments) {
  }

  /** The system property through which Jakarta Mail finds its stream provider before any classpath scan. */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 looks its stream provider up again at every encoded header and every part it writes, by
    // default with a ServiceLoader scan of every jar on the classpath: a sixth of the CPU time of a whole meeting in
    // the lifecycle benchmark (docs/performance.md). Named here, it is one class lookup instead.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
    }
  }

  private final MailSettings settings;

  public MailComposer(MailSettings settings) {
    this.settings = settings;
  }

  /** A Message-ID that is the same for every attempt of one (meeting, kind, recipient). */
  public static String messageId(String meetingKey, String messageKind, String recipientKey) {
    String kind = messageKind.replaceAll("[^A-Za-z0-9.-]", ".");
    String digest = DigestUtils.md5DigestAsHex(
        recipientKey.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    return "<" + kind + "." + meetingKey + "." + digest + "@wg-meetings>";
  }

  public void fill(MimeMessage message, OutgoingMail mail) {
    try {
      message.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
      message.setRecipient(MimeMessage.RecipientType.TO,
          new InternetAddress(mail.to().email(), mail.to().name(), "UTF-8"));
      message.setSubject(mail.subject(), "UTF-8");
      message.setSentDate(new Date());
      message.setHeader(HEADER_MEETING, mail.meetingKey());
      message.setHeader(HEADER_KIND, mail.messageKind());

      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), "UTF-8", "plain");
      alternative.addBodyPart(text);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), "UTF-8", "html");
      alternative.addBodyPart(html);
      if (mail.calendar() != null) {
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
            mail.calendar().ics().getBytes(StandardCharsets.UTF_8), calendarType(mail.calendar(), null))));
        calendar.setHeader("Content-Type", calendarType(mail.calendar(), null));
        alternative.addBodyPart(calendar);
      }
      MimeBodyPart body = new MimeBodyPart();
      body.setContent(alternative);

      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(body);
      if (mail.calendar() != null) {
        MimeBodyPart ics = new MimeBodyPart();
        String type = calendarType(mail.calendar(), "invite.ics");
        ics.setDataHandler(new DataHandler(new ByteArrayDataSource(
            mail.calendar().ics().getBytes(StandardCharsets.UTF_8), type)));
        ics.setHeader("Content-Type", type);
        ics.setDisposition(Part.ATTACHMENT);
        ics.setFileName("invite.ics");
        mixed.addBodyPart(ics);
      }
      for (Attachment attachment : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(attachment.fileName());
        mixed.addBodyPart(part);
      }
      message.setContent(mixed);
      message.saveChanges();
      // saveChanges() generates a random Message-ID: replace it by the stable one (Spring's sender keeps it)
      message.setHeader("Message-ID", messageId(mail.meetingKey(), mail.messageKind(), mail.to().deliveryKey()));
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new NotificationException("Не удалось сформировать письмо «" + mail.subject() + "»: " + e.getMessage(), e);
    }
  }

  private static String calendarType(CalendarPart calendar, String name) {
    return "text/calendar; charset=UTF-8; method=" + calendar.method()
        + (name == null ? "" : "; name=\"" + name + "\"");
  }
}
