package ru.nso.wg.document.model;

import java.util.Objects;

/**
 * A person in the signature block.
 *
 * @param name     full name, «Фамилия Имя Отчество» (printed as «И.О. Фамилия»)
 * @param position position, may be empty
 */
public record Signatory(String name, String position) {

  public Signatory {
    Objects.requireNonNull(name, "name");
    position = position == null ? "" : position;
  }

  public String shortName() {
    return Texts.initialsAndSurname(name);
  }
}
