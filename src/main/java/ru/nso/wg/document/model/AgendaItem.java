package ru.nso.wg.document.model;

import java.util.List;
import java.util.Objects;

/**
 * A question of the agenda (вопрос повестки).
 *
 * @param number    1-based number in the agenda
 * @param title     the question as printed
 * @param type      the subject type as people read it (e.g. «Региональный стандарт»), may be empty
 * @param speaker   the speaker («Докладчик»): name and position as printed, may be empty
 * @param materials information materials (§ 13), may be empty
 */
public record AgendaItem(int number, String title, String type, String speaker, List<Material> materials) {

  public AgendaItem {
    Objects.requireNonNull(title, "title");
    type = type == null ? "" : type;
    speaker = speaker == null ? "" : speaker;
    materials = materials == null ? List.of() : List.copyOf(materials);
  }
}
