package ru.nso.wg.calendar;

import java.util.Locale;
import java.util.Optional;

/**
 * How «не позднее N рабочих дней до заседания» (§ 13, § 14) is counted; the law does not settle it, so it is a
 * setting ({@code wg.calendar.backward-reading}, default A).
 */
public enum BackwardReading {

  /** The N-th working day before the meeting day (the meeting day itself is not counted). */
  A("N-й рабочий день до дня заседания (день заседания не считается)"),
  /**
   * N full working days remain between the action day and the meeting day: the (N+1)-th working day before the
   * meeting (the reading of election law 67-ФЗ art. 11.1 p. 2).
   */
  B("между днём действия и днём заседания остаются N полных рабочих дней, т. е. (N+1)-й рабочий день до дня заседания");

  private final String description;

  BackwardReading(String description) {
    this.description = description;
  }

  /** What the reading means, in Russian. */
  public String description() {
    return description;
  }

  /** How many working days to count back for a rule of "N working days before". */
  public int workingDaysBefore(int n) {
    return this == A ? n : n + 1;
  }

  /** {@code A} or {@code B}, in either case. */
  public static Optional<BackwardReading> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "A" -> Optional.of(A);
      case "B" -> Optional.of(B);
      default -> Optional.empty();
    };
  }
}
