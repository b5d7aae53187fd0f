package ru.nso.wg.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The meeting's timeline names its messages in Russian, the task notices of issue 16 too (never the raw kind). */
class MailTitleTest {

  @Test
  void aTaskNoticeIsNamedInRussianNotByItsKind() {
    assertThat(Texts.mailTitle("task:ee432e8d-ec8d-11f1-9a57-02fc00000001"))
        .isEqualTo("Письма: уведомление о новой задаче");
    assertThat(Texts.mailTitle("agenda#0")).isEqualTo("Письма: повестка заседания");
  }
}
