package ru.nso.wg.roster;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three areas of the deputy chairs (§ 6). Each area is a Camunda group whose member is the deputy chair
 * responsible for it; the administrator changes who that is in Camunda Admin. Decisions are assigned to an
 * area, and so to the deputy chair who controls their execution (§ 8).
 */
public enum DeputyArea {
  COORDINATION("wg-area-coordination",
      "Общая координация деятельности исполнительных органов государственной власти Новосибирской области"),
  SERVICES("wg-area-services",
      "Предоставление государственных услуг и контрольно-надзорная деятельность"),
  DIGITAL("wg-area-digital",
      "Цифровая трансформация сферы государственного управления");

  private final String groupId;
  private final String title;

  DeputyArea(String groupId, String title) {
    this.groupId = groupId;
    this.title = title;
  }

  public String groupId() {
    return groupId;
  }

  public String title() {
    return title;
  }

  public static Optional<DeputyArea> byGroupId(String groupId) {
    return Arrays.stream(values()).filter(a -> a.groupId.equals(groupId)).findFirst();
  }
}
