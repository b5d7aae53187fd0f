package ru.nso.wg.document.model;

import java.util.Objects;

/**
 * A member of the roster as the minutes list them.
 *
 * @param name       full name, «Фамилия Имя Отчество»
 * @param position   position (должность)
 * @param attendance how a present member took part; {@code null} for an absent member
 */
public record Participant(String name, String position, Attendance attendance) {

  public Participant {
    Objects.requireNonNull(name, "name");
    position = position == null ? "" : position;
  }

  public static Participant absent(String name, String position) {
    return new Participant(name, position, null);
  }
}
