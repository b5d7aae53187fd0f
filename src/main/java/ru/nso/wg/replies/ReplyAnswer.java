package ru.nso.wg.replies;

import ru.nso.wg.common.Refusal;

/** A reply whether one will attend a meeting (§ 14, § 15; by video conference counts as present, § 11). */
public enum ReplyAnswer {
  IN_PERSON("буду очно"),
  BY_VIDEO("буду по ВКС"),
  ABSENT("не смогу");

  private final String text;

  ReplyAnswer(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public boolean present() {
    return this != ABSENT;
  }

  /** The answer a link or a form sent; anything else is refused in Russian. */
  public static ReplyAnswer parse(String value) {
    if (value != null) {
      for (ReplyAnswer answer : values()) {
        if (answer.name().equals(value.trim())) {
          return answer;
        }
      }
    }
    throw new Refusal("Выберите ответ: «буду очно», «буду по ВКС» или «не смогу»");
  }
}
