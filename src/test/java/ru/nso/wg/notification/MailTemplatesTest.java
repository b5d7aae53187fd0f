package ru.nso.wg.notification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.common.TemplateEngines;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.notification.MeetingMessages.MailItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

  private static final String HOSTILE = "<script>alert('x')</script>";

  @TempDir
  Path overrides;

  private MailTemplates templates() {
    return new MailTemplates(TemplateEngines.create(overrides));
  }

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

  private void override(String path, String text) throws IOException {
    Files.createDirectories(overrides.resolve(path).getParent());
    Files.writeString(overrides.resolve(path), text, StandardCharsets.UTF_8);
  }

  @Test
  void valuesAreEscapedInHtmlAndKeptInText() {
    MailTemplates.Rendered r = templates().render("postponement", values());

    assertThat(r.html()).contains("Пётр &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", "строка 1<br>\nстрока 2")
        .doesNotContain("<script>", "${", " th:", " wg:");
    assertThat(r.text()).contains("Пётр <script>alert(1)</script> & Co", "строка 1\nстрока 2")
        .doesNotContain("[(", "${");
    assertThat(r.subject()).isEqualTo("Перенос: заседание № 3 (было: 6 мая 2026 г. в 10:00)");
  }

  @Test
  void aHostileMeetingTitleAndAgendaAreTextInTheMailNeverMarkup() {
    Map<String, Object> v = values();
    v.put("meetingTitle", HOSTILE);
    v.put("meetingTime", "10:00");
    v.put("presiding", "Лебедева О. Н.");
    v.put("referenceMaterials", "нет");
    v.put("agendaText", "1. " + HOSTILE);
    v.put("agenda", List.of(new MailItem(1, HOSTILE, "<b>докладчик</b>", List.of(
        MeetingMessages.material(new Material("Ссылка", "javascript:alert(1)")),
        MeetingMessages.material(new Material("Стандарт \"<i>\"", "https://docs.example.org/a.pdf?x=1&y=2"))))));

    MailTemplates.Rendered r = templates().render("agenda", v);

    assertThat(r.subject()).isEqualTo("Повестка: " + HOSTILE + ", начало в 10:00 (время новосибирское)");
    assertThat(r.html()).doesNotContain(HOSTILE, "<b>докладчик</b>", "href=\"javascript", "<i>")
        .contains("<title>Повестка: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;, начало в 10:00",
            "<li value=\"1\"><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b>",
            "Докладчик: &lt;b&gt;докладчик&lt;/b&gt;", "Ссылка — javascript:alert(1)",
            "<a href=\"https://docs.example.org/a.pdf?x=1&amp;y=2\">Стандарт &quot;&lt;i&gt;&quot;</a>");
  }

  @Test
  void anAdministratorsCopyWinsAndAnUnknownVariableFailsLoudly() throws IOException {
    MailTemplates templates = templates();
    assertThat(templates.render("postponement", values()).text()).startsWith("Добрый день, Пётр");

    override("mail/postponement.txt", "Изменено: [(${meetingTitle})]");
    override("mail/postponement.html", "<html><head><title>Своя тема: [[${meetingTitle}]]</title></head>"
        + "<body><p>Изменено: [[${meetingTitle}]]</p></body></html>");
    MailTemplates.Rendered changed = templates.render("postponement", values());
    assertThat(changed.text()).isEqualTo("Изменено: заседание № 3");
    assertThat(changed.subject()).isEqualTo("Своя тема: заседание № 3");
    assertThat(changed.html()).contains("<p>Изменено: заседание № 3</p>");

    override("mail/postponement.txt", "Опечатка: [(${meetingTitel})]");
    assertThatThrownBy(() -> templates.render("postponement", values()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("mail/postponement.txt").hasMessageContaining("${meetingTitel}")
        .hasMessageContaining("допустимы: format, greeting, meetingDateTime");

    override("mail/postponement.txt", "Изменено: [(${meetingTitle})]");
    override("mail/postponement.html", "<html><head><title>Тема</title></head>"
        + "<body><a th:href=\"${linkk}\">ссылка</a></body></html>");
    assertThatThrownBy(() -> templates.render("postponement", values()))
        .isInstanceOf(NotificationException.class).hasMessageContaining("mail/postponement.html")
        .hasMessageContaining("${linkk}");
  }

  @Test
  void anOverrideInTheOldSyntaxIsRefusedNamingTheFile() throws IOException {
    override("mail/postponement.txt", "Перенос: ${meetingTitle}, причина: ${reason}");

    assertThatThrownBy(() -> templates().render("postponement", values()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("mail/postponement.txt").hasMessageContaining("прежнем синтаксисе")
        .hasMessageContaining("${meetingTitle}").hasMessageContaining("templates/mail/README.md");

    // an old HTML copy, where a placeholder in an attribute would have gone out as it stands
    Files.delete(overrides.resolve("mail/postponement.txt"));
    override("mail/postponement.html", "<html><head><title>Перенос</title></head>"
        + "<body><a href=\"${link}\">задачи</a></body></html>");
    assertThatThrownBy(() -> templates().render("postponement", values()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("mail/postponement.html").hasMessageContaining("${link}");
  }

  @Test
  void theSubjectsOfTheOldFileAreRefusedAndTheBundleCopyWins() throws IOException {
    override("messages.properties", "mail.postponement.subject=Заседание перенесено: {0}\n");
    assertThat(templates().render("postponement", values()).subject())
        .isEqualTo("Заседание перенесено: заседание № 3");
    // a key the copy lacks comes from the shipped bundle
    assertThat(templates().render("postponement", values()).html()).contains(
        "Письмо сформировано автоматически системой сопровождения заседаний Рабочей группы.");

    override("mail/subjects.properties", "postponement=Перенос: ${meetingTitle}\n");
    assertThatThrownBy(() -> templates().render("postponement", values()))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("subjects.properties").hasMessageContaining("messages.properties");
  }

  @Test
  void everyShippedMessageRendersWithTheVariablesItsCallerGives() {
    Map<String, Object> meeting = values();
    meeting.putAll(Map.of("meetingTime", "10:00", "meetingDate", "13 мая 2026 г.", "location", "каб. 1",
        "presiding", "Лебедева О. Н.", "agendaText", "1. Вопрос", "inviteesText", "нет", "appUrl",
        "http://127.0.0.1:8080", "referenceMaterials", "нет", "agenda", List.of()));
    meeting.putAll(Map.of("minutesUrl", "http://127.0.0.1:8080/m", "sha256", "ab", "decisionsText", "1. Вопрос",
        "decisions", List.of(new MeetingMessages.MailDecision(1, "Вопрос", "Решение принято", "строка\nстрока")),
        "memberName", "Васильев П. А.", "itemNo", 2, "opinion", "не согласен", "minutesText", "редакция 2",
        "link", "http://127.0.0.1:8080/t"));
    Map<String, Object> deadline = new LinkedHashMap<>(Map.of("greeting", "Пётр", "subject", "заседание № 3",
        "deadlineTitle", "Повестка", "clause", "п. 13", "due", "1 мая 2026 г. в 18:00", "dueDate", "1 мая 2026 г.",
        "responsibleGroup", "Секретариат", "link", "http://127.0.0.1:8080/t", "senderName", "Секретариат",
        "requestedAt", "1 мая 2026 г. в 10:00"));
    Map<String, Object> decision = new LinkedHashMap<>(deadline);
    decision.putAll(Map.of("meetingTitle", "заседание № 3", "itemNo", 2, "itemTitle", "Вопрос",
        "decisionText", "Сделать", "executorName", "Минцифры", "controller", "Иванов И. И.", "stage", "на исполнении"));
    for (String name : List.of("agenda", "invitation", "postponement", "cancellation", "minutes-copy",
        "publication-request", "dissent-filed")) {
      assertRendered(name, meeting);
    }
    for (String name : List.of("deadline-escalation", "deadline-reminder", "publication-reminder",
        "publication-overdue")) {
      assertRendered(name, deadline);
    }
    for (String name : List.of("decision-reminder", "decision-overdue")) {
      assertRendered(name, decision);
    }
  }

  private void assertRendered(String name, Map<String, Object> values) {
    MailTemplates.Rendered r = templates().render(name, values);
    assertThat(r.subject()).as(name).isNotBlank().doesNotContain("{", "$", "??");
    assertThat(r.html()).as(name).contains("Добрый день, Пётр").doesNotContain("${", " th:", " wg:", "??");
    assertThat(r.text()).as(name).contains("Добрый день, Пётр").doesNotContain("${", "[(", "[[", "??");
  }
}
