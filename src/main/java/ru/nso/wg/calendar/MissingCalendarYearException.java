package ru.nso.wg.calendar;

/**
 * A calculation needs a year that the production calendar does not have. There is deliberately no fallback to
 * "Monday–Friday": a deadline computed without the year's decree could be wrong.
 */
public class MissingCalendarYearException extends RuntimeException {

  private final int year;

  public MissingCalendarYearException(int year) {
    super("Производственный календарь на " + year + " год не загружен: срок, зависящий от дней " + year
        + " года, не может быть рассчитан. Администратору: добавьте файл " + year
        + ".json в каталог производственного календаря и перечитайте календарь.");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
