package ru.nso.wg.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.document.TemplateResources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

  @TempDir
  Path overrides;

  private static Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("greeting", "Пётр <script>alert(1)</script> & Co");
    v.put("meetingTitle", "заседание № 3");
    v.put("meetingNumber", "№ 3");
    v.put("meetingDateTime", "13 мая 2026 г. в 10:00");
    v.put("previousDateTime", "6 мая 2026 г. в 10:00");
    v.put("reason", "строка 1\nстрока 2");
    v.put("format", "очное");
    v.put("senderName", "Секретариат");
    v.put("replyInPerson", "http://127.0.0.1:8080/reply/2026-3/petrov?token=t&answer=IN_PERSON");
    v.put("replyByVideo", "http://127.0.0.1:8080/reply/2026-3/petrov?token=t&answer=BY_VIDEO");
    v.put("replyAbsent", "http://127.0.0.1:8080/reply/2026-3/petrov?token=t&answer=ABSENT");
    return v;
  }

  @Test
  void valuesAreEscapedInHtmlAndKeptInText() {
    MailTemplates.Rendered r = new MailTemplates(new TemplateResources(overrides)).render("postponement", values());

    assertThat(r.html()).contains("Пётр &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", "строка 1<br>\nстрока 2")
        .doesNotContain("<script>");
    assertThat(r.text()).contains("Пётр <script>alert(1)</script> & Co", "строка 1\nстрока 2");
    assertThat(r.subject()).isEqualTo("Перенос: заседание № 3 (было: 6 мая 2026 г. в 10:00)");
  }

  @Test
  void anAdministratorsCopyWinsAndAnUnknownPlaceholderFailsLoudly() throws IOException {
    Files.createDirectories(overrides.resolve("mail"));
    Files.writeString(overrides.resolve("mail/postponement.txt"), "Изменено: ${meetingTitle}", StandardCharsets.UTF_8);
    MailTemplates templates = new MailTemplates(new TemplateResources(overrides));

    assertThat(templates.render("postponement", values()).text()).isEqualTo("Изменено: заседание № 3");

    Files.writeString(overrides.resolve("mail/postponement.txt"), "Опечатка: ${meetingTitel}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> templates.render("postponement", values()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("mail/postponement.txt").hasMessageContaining("${meetingTitel}");
  }
}
