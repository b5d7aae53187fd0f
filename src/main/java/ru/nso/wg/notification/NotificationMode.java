package ru.nso.wg.notification;

import ru.nso.wg.common.Refusal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a person is told of the tasks waiting for them (issue 16, point 4). */
public enum NotificationMode {
  /** A message when each task is created for them (the default). */
  EACH_TASK("письмо о каждой новой задаче"),
  /** One message a day listing the tasks waiting for them, no message per task. */
  DAILY_DIGEST("одна ежедневная сводка задач");

  private final String title;

  NotificationMode(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The mode a person named, or a refusal listing the modes. */
  public static NotificationMode parse(String value) {
    String v = value == null ? "" : value.trim();
    return Arrays.stream(values()).filter(m -> m.name().equals(v)).findFirst().orElseThrow(() -> new Refusal(
        "Поле «mode»: укажите режим уведомлений — " + Arrays.stream(values())
            .map(m -> m.name() + " (" + m.title() + ")").collect(Collectors.joining(" или "))));
  }
}
