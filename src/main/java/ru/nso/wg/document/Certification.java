package ru.nso.wg.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The certification of a copy (ГОСТ Р 7.0.97-2016, requisite 29, § 19 of the regulation): «Верно», the position of
 * who certified it, their name as printed and the date.
 *
 * @param signatory who certified the copy as printed («Ю.С. Смирнова»)
 * @param position  their position, may be empty
 * @param date      the date of the certification
 */
public record Certification(String signatory, String position, LocalDate date) {

  public Certification {
    Objects.requireNonNull(signatory, "signatory");
    Objects.requireNonNull(date, "date");
    position = position == null ? "" : position;
  }
}
