package ru.nso.wg.meeting;

import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The chair's instruction recorded in the system (§ 10): for the days {@code from}–{@code to} (inclusive) the chair's
 * tasks go to the deputy chair named. A withdrawn instruction ends the day before its {@code withdrawal}'s date
 * ({@code to}); the period recorded first is kept in the withdrawal. Withdrawn before its first day, its {@code to}
 * is before its {@code from}: it never applies.
 */
public record ChairInstruction(long id, String deputyUserId, String deputyName, LocalDate from, LocalDate to,
                               Form form, String reference, String recordedBy, OffsetDateTime recordedAt,
                               Withdrawal withdrawal) {

  /** The chair's office withdrew the instruction: it no longer applies from {@code from} on. */
  public record Withdrawal(LocalDate from, LocalDate recordedTo, String reason, String by, OffsetDateTime at) {
  }

  /** Where the instruction stands on a day. */
  public enum State {
    /** Its period is over. */
    PAST("истекло"),
    /** It covers the day. */
    IN_FORCE("действует"),
    /** Its period is still to come. */
    FUTURE("предстоит"),
    /** Withdrawn before its first day: it never applied. */
    WITHDRAWN("отозвано до начала");

    private final String title;

    State(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

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

  public boolean withdrawn() {
    return withdrawal != null;
  }

  /** Withdrawn before its first day: no day is covered. */
  public boolean voided() {
    return to.isBefore(from);
  }

  public State state(LocalDate today) {
    if (voided()) {
      return State.WITHDRAWN;
    }
    if (to.isBefore(today)) {
      return State.PAST;
    }
    return from.isAfter(today) ? State.FUTURE : State.IN_FORCE;
  }

  /**
   * «Морозов Дмитрий Сергеевич — с 30.11.2026 по 11.12.2026, письменное № 15 от 27.11.2026 (действует)»; a withdrawn
   * one adds «отозвано с …, внесено по …».
   */
  public String line(LocalDate today) {
    String period = voided()
        ? "с " + RussianDates.numeric(from) + " по " + RussianDates.numeric(withdrawal.recordedTo()) : period();
    return deputyName + " — " + period + ", " + form.adjective() + (reference == null ? "" : " " + reference) + " ("
        + state(today).title() + (withdrawn() ? "; отозвано с " + RussianDates.numeric(withdrawal.from())
        + ", было внесено по " + RussianDates.numeric(withdrawal.recordedTo()) : "") + ")";
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
