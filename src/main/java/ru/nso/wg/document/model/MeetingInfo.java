package ru.nso.wg.document.model;

import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingFormat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What messages, calendar invitations and documents need to know about one meeting. Plain data: the meeting
 * process maps its record onto it.
 *
 * @param businessKey the meeting's business key, e.g. {@code 2026-3}; keys the delivery log, the documents
 *                    and the calendar UID
 * @param number      the meeting's number as printed after «№», e.g. {@code 3} (a leading «№» is dropped)
 * @param start       start date and time; converted to Asia/Novosibirsk
 * @param duration    planned duration (DTEND = start + duration); {@code null} means two hours
 * @param format      in person or ВКС (§ 11)
 * @param place       the place of an in-person meeting (address, room); may be empty for ВКС
 * @param videoLink   the link of a ВКС meeting; may be empty for an in-person meeting
 * @param presiding   the presiding person (§ 10)
 * @param icsSequence the calendar SEQUENCE: 0 for the first invitation, incremented on every postponement
 * @param invitees    invited persons
 * @param items       agenda items in order
 */
public record MeetingInfo(
    String businessKey,
    String number,
    ZonedDateTime start,
    Duration duration,
    MeetingFormat format,
    String place,
    String videoLink,
    PresidingPerson presiding,
    int icsSequence,
    List<Invitee> invitees,
    List<AgendaItem> items) {

  public static final Duration DEFAULT_DURATION = Duration.ofHours(2);

  public MeetingInfo {
    Objects.requireNonNull(businessKey, "businessKey");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(format, "format");
    if (businessKey.isBlank() || !businessKey.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("Недопустимый ключ заседания: " + businessKey);
    }
    if (icsSequence < 0) {
      throw new IllegalArgumentException("icsSequence must not be negative");
    }
    number = number == null ? "" : number.replaceFirst("^\\s*№\\s*", "").trim();
    start = start.withZoneSameInstant(RussianDates.ZONE);
    duration = duration == null || duration.isNegative() || duration.isZero() ? DEFAULT_DURATION : duration;
    place = place == null ? "" : place.trim();
    videoLink = videoLink == null ? "" : videoLink.trim();
    invitees = invitees == null ? List.of() : List.copyOf(invitees);
    items = items == null ? List.of() : List.copyOf(items);
  }

  public ZonedDateTime end() {
    return start.plus(duration);
  }

  /** «№ 3», or empty when the meeting has no number yet. */
  public String numberText() {
    return number.isEmpty() ? "" : "№ " + number;
  }

  /** The calendar LOCATION and the «место проведения» line: the place, or the video link for ВКС. */
  public String location() {
    if (format == MeetingFormat.VIDEO) {
      return videoLink.isEmpty() ? place : videoLink;
    }
    return place;
  }

  /** e.g. «очное, г. Новосибирск, Красный проспект, 18» or «в формате видеоконференцсвязи (ВКС), ссылка: …». */
  public String formatText() {
    if (format == MeetingFormat.VIDEO) {
      return Texts.joinNonBlank(", ", format.adjective(),
          videoLink.isEmpty() ? "" : "ссылка для подключения: " + videoLink);
    }
    return Texts.joinNonBlank(", ", format.adjective(), place);
  }

  /** «заседание Рабочей группы № 3 от 13 мая 2026 г.». */
  public String title() {
    return Texts.joinNonBlank(" ", "заседание Рабочей группы", numberText(), "от " + RussianDates.date(start));
  }
}
