package ru.nso.wg.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.nso.wg.document.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Spring Boot context whose mail goes over real SMTP to GreenMail running in the test JVM. The SMTP transport is
 * wrapped by {@link FaultInjectingTransport}, which a test may arm to fail after a number of sends (a server that
 * dies in the middle of a distribution). Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MailTestSupport.Config.class)
public abstract class MailTestSupport {

  static final int SMTP_PORT = freePort();
  /** The reference materials the secretariat entered when distributing (§ 14 (3)). */
  static final String REFERENCE = "Справка о ходе внедрения стандарта: https://example.org/reference.pdf";
  static GreenMail greenMail = startGreenMail();

  @DynamicPropertySource
  static void mailProperties(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("wg.mail.transport", () -> "auto");
  }

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    FaultInjectingTransport faultInjectingTransport(JavaMailSender sender) {
      return new FaultInjectingTransport(new SmtpMailTransport(sender));
    }

    /** The thin delegate the test process calls, as the meeting process will. */
    @Bean
    JavaDelegate testAgendaDistribution(MeetingMessages notifications) {
      return execution -> {
        DeliveryResult result = notifications.distributeAgenda(Fixtures.meeting(execution.getProcessBusinessKey(), 0),
            null, REFERENCE);
        execution.setVariable("deliveryGaps", String.join("\n", result.gapTexts()));
        execution.setVariable("deliveredCount", result.deliveredCount());
      };
    }
  }

  /** Delegates to SMTP; when armed, lets {@code allowed} more messages through and then fails like a dead server. */
  public static class FaultInjectingTransport implements MailTransport {
    private final MailTransport delegate;
    private final AtomicInteger allowed = new AtomicInteger(Integer.MAX_VALUE);
    private volatile String rejectedAddress;

    FaultInjectingTransport(MailTransport delegate) {
      this.delegate = delegate;
    }

    void failAfter(int messages) {
      allowed.set(messages);
    }

    /** The server answers RCPT TO for this address with 550, as Jakarta Mail and Spring report it. */
    void reject(String address) {
      rejectedAddress = address;
    }

    void heal() {
      allowed.set(Integer.MAX_VALUE);
      rejectedAddress = null;
    }

    @Override
    public MimeMessage newMessage() {
      return delegate.newMessage();
    }

    @Override
    public void send(MimeMessage message) {
      if (allowed.getAndDecrement() <= 0) {
        throw new MailSendException("Connection refused (injected fault)");
      }
      try {
        for (Address to : message.getAllRecipients()) {
          if (to.toString().contains(String.valueOf(rejectedAddress))) {
            throw new MailSendException(Map.of(message, new SendFailedException(
                "550 5.1.1 Recipient address rejected: User unknown", null, null, null, new Address[] {to})));
          }
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
      delegate.send(message);
    }

    @Override
    public String name() {
      return delegate.name();
    }
  }

  @BeforeEach
  void cleanMailboxes() throws Exception {
    if (!greenMail.isRunning()) {
      greenMail = startGreenMail();
    }
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void keepServerForNextClass() {
    if (!greenMail.isRunning()) {
      greenMail = startGreenMail();
    }
  }

  static GreenMail startGreenMail() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  static void smtpDown() {
    greenMail.stop();
  }

  static void smtpUp() {
    greenMail = startGreenMail();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------------- message helpers

  /** Messages received for one meeting (and optionally one kind). */
  static List<MimeMessage> received(String meetingKey, String kind) throws MessagingException {
    List<MimeMessage> list = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (meetingKey.equals(m.getHeader(MailComposer.HEADER_MEETING, null))
          && (kind == null || kind.equals(m.getHeader(MailComposer.HEADER_KIND, null)))) {
        list.add(m);
      }
    }
    return list;
  }

  static String to(MimeMessage m) throws MessagingException {
    return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
  }

  static List<String> recipients(List<MimeMessage> messages) throws MessagingException {
    List<String> list = new ArrayList<>();
    for (MimeMessage m : messages) {
      list.add(to(m));
    }
    return list;
  }

  /** Every leaf part of a message, depth first. */
  static List<Part> leaves(Part part) throws MessagingException, IOException {
    List<Part> list = new ArrayList<>();
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        list.addAll(leaves(multipart.getBodyPart(i)));
      }
    } else {
      list.add(part);
    }
    return list;
  }

  static Part part(MimeMessage m, String contentTypePrefix, boolean attachment) throws Exception {
    for (Part p : leaves(m)) {
      boolean isAttachment = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
      if (p.getContentType().toLowerCase().startsWith(contentTypePrefix) && isAttachment == attachment) {
        return p;
      }
    }
    throw new AssertionError("no part " + contentTypePrefix + " (attachment=" + attachment + ") in " + m.getSubject());
  }

  static String text(Part p) throws Exception {
    Object content = p.getContent();
    if (content instanceof String s) {
      return s;
    }
    return new String(bytes(p), StandardCharsets.UTF_8);
  }

  static byte[] bytes(Part p) throws Exception {
    try (InputStream in = p.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** The invitation inside the alternative part, parsed back with ical4j. */
  static Calendar calendar(MimeMessage m) throws Exception {
    CalendarInvitations.configure();
    String ics = text(part(m, "text/calendar", false));
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    // RFC 5545/5546 rules as ical4j checks them for the calendar's METHOD (e.g. DTSTAMP exactly once)
    Assertions.assertThat(calendar.validate().hasErrors()).as(ics).isFalse();
    Assertions.assertThat(ics.lines().filter(l -> l.startsWith("DTSTAMP")).count()).isEqualTo(1);
    return calendar;
  }

  static String header(BodyPart p, String name) throws MessagingException {
    String[] values = p.getHeader(name);
    return values == null ? null : Arrays.toString(values);
  }
}
