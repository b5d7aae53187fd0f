package ru.nso.wg.calendar;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The working-day deadlines of the regulation, and the one service level that is not the regulation's (publication).
 * Negative working days count back from the meeting.
 */
public enum DeadlineKind {

  AGENDA_TO_CHAIR("agendaToChair", 13, -5,
      "Передача повестки на утверждение председателю",
      "не позднее 5 рабочих дней до дня заседания"),
  AGENDA_DISTRIBUTION("agendaDistribution", 14, -3,
      "Рассылка повестки членам рабочей группы, уведомление приглашённых, подготовка справочных материалов",
      "не позднее 3 рабочих дней до дня заседания"),
  MINUTES_DUE("minutesDue", 18, 5,
      "Подготовка протокола заседания и передача его на подпись председательствующему",
      "в течение 5 рабочих дней после заседания"),
  MINUTES_COPIES_DUE("minutesCopiesDue", 19, 3,
      "Направление копий протокола членам рабочей группы и приглашённым, передача информации о заседании "
          + "для опубликования на официальном сайте",
      "в течение 3 рабочих дней со дня подписания протокола"),
  /**
   * Not a deadline of the regulation: § 19 binds the secretariat (copies and the request to the information-policy
   * department, {@link #MINUTES_COPIES_DUE}); the department's publication has a service level of its own, counted
   * from the day the request went out, by default 2 working days ({@link DeadlineSettings#publicationWorkingDays}).
   * It is reported as a service level, never as a breach of the regulation.
   */
  PUBLICATION("publication", 0, 2,
      "Размещение информации о заседании на официальном сайте департаментом информационной политики",
      "в течение установленного числа рабочих дней после передачи информации (уровень обслуживания)"),
  /**
   * Not a deadline of the regulation: the speakers' materials are due a configured number of working days
   * ({@link DeadlineSettings#materialsWorkingDays}, default 2) before the agenda's deadline ({@link #AGENDA_TO_CHAIR},
   * § 13), so that the secretariat can put them into the agenda. Counted back from the meeting like § 13.
   */
  MATERIALS("materialsDue", 0, -7,
      "Представление докладчиками материалов к вопросам повестки",
      "за установленное число рабочих дней до срока передачи повестки председателю (п. 13 Положения)");

  private final String code;
  private final int clauseNumber;
  private final int workingDays;
  private final String action;
  private final String rule;

  DeadlineKind(String code, int clauseNumber, int workingDays, String action, String rule) {
    this.code = code;
    this.clauseNumber = clauseNumber;
    this.workingDays = workingDays;
    this.action = action;
    this.rule = rule;
  }

  /** The name used in BPMN expressions and the API, e.g. {@code agendaToChair}. */
  public String code() {
    return code;
  }

  /** The clause of the regulation, e.g. {@code § 13}; «уровень обслуживания» for a service level. */
  public String clause() {
    return regulatory() ? "§ " + clauseNumber : this == MATERIALS ? "до срока § 13" : "уровень обслуживания";
  }

  /** The clause as a Russian reader cites it, e.g. «п. 13 Положения», or «уровень обслуживания, не срок Положения». */
  public String reference() {
    if (this == MATERIALS) {
      return "срок представления материалов, до срока п. 13 Положения";
    }
    return regulatory() ? "п. " + clauseNumber + " Положения" : "уровень обслуживания, не срок Положения";
  }

  /** A deadline of the regulation (its breach is a breach of the regulation), not a service level. */
  public boolean regulatory() {
    return clauseNumber > 0;
  }

  /**
   * Working days from the event: negative before the meeting, positive after the meeting or the signing; a service
   * level's default (the setting in force: {@link DeadlineSettings#workingDays(DeadlineKind)}).
   */
  public int workingDays() {
    return workingDays;
  }

  public boolean backward() {
    return workingDays < 0;
  }

  /** What must be done, with the clause, e.g. «Передача повестки на утверждение председателю (п. 13 Положения)». */
  public String description() {
    return action + " (" + reference() + ")";
  }

  /** The rule in the regulation's words, e.g. «не позднее 5 рабочих дней до дня заседания». */
  public String rule() {
    return rule;
  }

  public static Optional<DeadlineKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** @throws IllegalArgumentException with a Russian message when the code is unknown */
  public static DeadlineKind of(String code) {
    return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Неизвестный вид срока «" + code
        + "»; допустимы: " + Arrays.stream(values()).map(DeadlineKind::code).collect(Collectors.joining(", "))));
  }
}
