package ru.nso.wg.meeting;

import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The chair's instruction recorded in the system (§ 10): for the days {@code from}–{@code to} (inclusive) the chair's
 * tasks go to the deputy chair named.
 */
public record ChairInstruction(long id, String deputyUserId, String deputyName, LocalDate from, LocalDate to,
                               Form form, String reference, String recordedBy, OffsetDateTime recordedAt) {

  /** How the chair gave the instruction. */
  public enum Form {
    ORAL("устное"),
    WRITTEN("письменное");

    private final String adjective;

    Form(String adjective) {
      this.adjective = adjective;
    }

    public String adjective() {
      return adjective;
    }
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** «с 07.12.2026 по 18.12.2026». */
  public String period() {
    return "с " + RussianDates.numeric(from) + " по " + RussianDates.numeric(to);
  }

  /** «письменное поручение председателя № 15 от 01.12.2026 (с 07.12.2026 по 18.12.2026), п. 10 Положения». */
  public String describe() {
    return form.adjective() + " поручение председателя Рабочей группы" + (reference == null ? "" : " " + reference)
        + " (" + period() + "), п. 10 Положения";
  }
}
