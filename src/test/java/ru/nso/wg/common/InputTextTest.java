package ru.nso.wg.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputTextTest {

  @Test
  void whatXmlAllowsIsKeptTrimmedAndAVerticalTabBecomesALineBreak() {
    assertThat(InputText.clean("Поле", "  строка 1\u000Bстрока 2\r\n\tстрока 3  ", 100))
        .isEqualTo("строка 1\nстрока 2\r\n\tстрока 3");
    // a surrogate pair (an emoji) and the last characters of the BMP XML allows
    assertThat(InputText.clean("Поле", "👍 \uFFFD \uE000", 100)).isEqualTo("👍 \uFFFD \uE000");
    assertThat(InputText.clean("Поле", "   ", 100)).isNull();
    assertThat(InputText.clean("Поле", null, 100)).isNull();
    assertThat(InputText.clean("Поле", "a".repeat(100), 100)).hasSize(100);
  }

  @Test
  void otherCharactersAndOverlongTextsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> InputText.clean("Место проведения", "зал\u0000", 100)).isInstanceOf(Refusal.class)
        .hasMessage("Поле «Место проведения» содержит недопустимый символ (управляющий символ U+0000, позиция 4): "
            + "удалите его или введите текст заново, без копирования из другой программы");
    assertThatThrownBy(() -> InputText.clean("Поле", "a\uFFFF", 100)).hasMessageContaining("символ U+FFFF");
    assertThatThrownBy(() -> InputText.clean("Поле", "a\uFFFE", 100)).hasMessageContaining("символ U+FFFE");
    // a high surrogate at the end, a low one alone, two highs
    assertThatThrownBy(() -> InputText.clean("Поле", "a\uD83D", 100)).hasMessageContaining("непарный суррогат U+D83D");
    assertThatThrownBy(() -> InputText.clean("Поле", "a\uDC4D b", 100)).hasMessageContaining("U+DC4D");
    assertThatThrownBy(() -> InputText.clean("Поле", "\uD83D\uD83D\uDC4D", 100)).hasMessageContaining("позиция 1");
    assertThatThrownBy(() -> InputText.clean("Место проведения", "з".repeat(501), 500)).isInstanceOf(Refusal.class)
        .hasMessage("Поле «Место проведения»: не более 500 символов (введено 501)");
  }
}
