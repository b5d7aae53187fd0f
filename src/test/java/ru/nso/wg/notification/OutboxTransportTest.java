package ru.nso.wg.notification;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import ru.nso.wg.common.TemplateEngines;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.document.model.MeetingInfo;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default: no SMTP host → every message is an {@code .eml} file that reads back as a mail. */
class OutboxTransportTest {

  @TempDir
  Path dir;

  private MailSettings settings(String transport) {
    return new MailSettings("wg-secretariat@example.org", "Секретариат Рабочей группы", transport,
        dir.resolve("outbox"), "http://127.0.0.1:8080/");
  }

  private static ObjectProvider<JavaMailSender> sender() {
    return new StaticListableBeanFactory(
        Map.of("mailSender", new JavaMailSenderImpl())).getBeanProvider(JavaMailSender.class);
  }

  @Test
  void withoutMailHostTheOutboxIsChosenAndWithItSmtp() {
    MailConfiguration configuration = new MailConfiguration();
    MockEnvironment noHost = new MockEnvironment().withProperty("spring.mail.host", "");
    MockEnvironment host = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.org");

    assertThat(configuration.mailTransport(settings("auto"), noHost, sender())).isInstanceOf(OutboxMailTransport.class);
    assertThat(configuration.mailTransport(settings("auto"), new MockEnvironment(), sender()))
        .isInstanceOf(OutboxMailTransport.class);
    assertThat(configuration.mailTransport(settings("auto"), host, sender())).isInstanceOf(SmtpMailTransport.class);
    assertThat(configuration.mailTransport(settings("outbox"), host, sender())).isInstanceOf(OutboxMailTransport.class);
    assertThatThrownBy(() -> configuration.mailTransport(settings("smtp"), noHost, sender()))
        .hasMessageContaining("spring.mail.host");
  }

  @Test
  void messagesAreWrittenAsReadableEmlFiles() throws Exception {
    MailSettings settings = settings("auto");
    OutboxMailTransport outbox = (OutboxMailTransport) new MailConfiguration()
        .mailTransport(settings, new MockEnvironment(), sender());
    MailComposer composer = new MailComposer(settings);
    MeetingInfo meeting = Fixtures.meeting("2026-30", 2);
    Recipient recipient =
        new Recipient("vasiliev", "Васильев Павел Андреевич", "Павел Андреевич", "vasiliev@example.org");
    String ics = new CalendarInvitations(settings).request(meeting, recipient, MeetingMessages.summary(meeting),
        MeetingMessages.agendaText(meeting));
    Map<String, Object> values = new HashMap<>(Map.of("greeting", recipient.greeting(), "meetingTitle", meeting.title(),
            "meetingNumber", meeting.numberText(), "meetingDateTime", "13 мая 2026 г. в 10:00 (время новосибирское)",
            "meetingTime", "10:00",
            "format", meeting.formatText(), "presiding", "Лебедева Ольга Николаевна",
            "agenda", MeetingMessages.agenda(meeting), "agendaText", MeetingMessages.agendaText(meeting),
            "senderName", settings.fromName()));
    values.put("referenceMaterials", "Справочные материалы (п. 14 Положения): https://example.org/wg/standard.pdf");
    for (String answer : new String[] {"replyInPerson", "replyByVideo", "replyAbsent"}) {
      values.put(answer, "http://127.0.0.1:8080/reply/2026-30/i-test?token=t&answer=" + answer);
    }
    MailTemplates.Rendered rendered = new MailTemplates(TemplateEngines.create(dir.resolve("none")))
        .render("invitation", values);
    MimeMessage message = outbox.newMessage();
    composer.fill(message, new MailComposer.OutgoingMail("2026-30", "invitation#2", recipient, rendered.subject(),
        rendered.text(), rendered.html(), new MailComposer.CalendarPart("REQUEST", ics),
        List.of(new MailComposer.Attachment("Справка к заседанию.txt", "text/plain", "справка".getBytes()))));

    outbox.send(message);

    List<Path> files;
    try (Stream<Path> list = Files.list(dir.resolve("outbox"))) {
      files = list.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).endsWith(".eml").contains("invitation.2.2026-30");
    MimeMessage read;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      read = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(read.getSubject()).isEqualTo("Приглашение: заседание Рабочей группы № 3 от 13 мая 2026 г., "
        + "начало в 10:00 (время новосибирское)");
    assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("Секретариат Рабочей группы");
    assertThat(((InternetAddress) read.getAllRecipients()[0]).getAddress()).isEqualTo("vasiliev@example.org");
    assertThat(read.getMessageID())
        .isEqualTo(MailComposer.messageId("2026-30", "invitation#2", "vasiliev@example.org"));
    assertThat(MailTestSupport.text(MailTestSupport.part(read, "text/plain", false)))
        .contains("Добрый день, Павел Андреевич!", "Приглашаем Вас принять участие");
    assertThat(MailTestSupport.text(MailTestSupport.part(read, "text/html", false))).contains("<ol>");
    Part attachment = MailTestSupport.part(read, "text/plain", true);
    assertThat(attachment.getFileName()).isEqualTo("Справка к заседанию.txt");
    CalendarInvitations.configure();
    Calendar calendar = new CalendarBuilder().build(new StringReader(
        MailTestSupport.text(MailTestSupport.part(read, "text/calendar", true))));
    assertThat(calendar.getComponent("VEVENT").orElseThrow().getProperty(Property.SEQUENCE).orElseThrow().getValue())
        .isEqualTo("2");
    assertThat(Files.readString(files.get(0))).contains("Subject: =?UTF-8?", "X-WG-Message-Kind: invitation#2");
  }
}
