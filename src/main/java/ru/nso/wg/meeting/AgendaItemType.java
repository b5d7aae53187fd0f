package ru.nso.wg.meeting;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an agenda item is about: the tasks and functions of the working group (§§ 3, 4). */
public enum AgendaItemType {
  STANDARD("Региональный стандарт клиентоцентричности"),
  CONCEPT("Концепция внедрения клиентоцентричности"),
  ROADMAP("План мероприятий («дорожная карта»)"),
  MEDIA_PLAN("Медиаплан информационной кампании"),
  LIFE_SITUATIONS("Реестр жизненных ситуаций"),
  ASSESSMENT("Оценка уровня клиентоцентричности"),
  LEGAL_ACT("Предложения по нормативным правовым актам"),
  RECOMMENDATION("Рекомендации и предложения"),
  OTHER("Иной вопрос");

  private final String title;

  AgendaItemType(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public static boolean isKnown(String code) {
    return code != null && Arrays.stream(values()).anyMatch(t -> t.name().equals(code));
  }

  public static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (AgendaItemType t : values()) {
      labels.put(t.name(), t.title);
    }
    return labels;
  }
}
