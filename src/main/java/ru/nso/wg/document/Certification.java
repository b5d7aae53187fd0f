package ru.nso.wg.document;

import ru.nso.wg.document.model.Texts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The certification of a copy (ГОСТ Р 7.0.97-2016, requisite 29, § 19 of the regulation): «Верно», the position of
 * who certified it, their name and the date.
 *
 * @param name     the full name of who certified the copy (the secretary of the meeting)
 * @param position their position, may be empty
 * @param date     the date of the certification
 */
public record Certification(String name, String position, LocalDate date) {

  public Certification {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    position = position == null ? "" : position;
  }

  /** «И.О. Фамилия». */
  public String shortName() {
    return Texts.initialsAndSurname(name);
  }
}
