package ru.nso.wg.meeting;

import ru.nso.wg.common.Refusal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting's human number: № {@code number} of {@code year}. Staff write it «3/2026»; the business key
 * (and the key of the meeting record) is {@code 2026-3}, which is safe in URLs.
 */
public record MeetingRef(int year, int number) {

  private static final Pattern HUMAN = Pattern.compile("^\\s*№?\\s*(\\d{1,4})\\s*/\\s*(\\d{4})\\s*$");
  private static final Pattern KEY = Pattern.compile("^(\\d{4})-(\\d{1,4})$");

  public static MeetingRef parse(String text) {
    if (text != null) {
      Matcher human = HUMAN.matcher(text);
      if (human.matches()) {
        return new MeetingRef(Integer.parseInt(human.group(2)), Integer.parseInt(human.group(1)));
      }
      Matcher key = KEY.matcher(text.trim());
      if (key.matches()) {
        return new MeetingRef(Integer.parseInt(key.group(1)), Integer.parseInt(key.group(2)));
      }
    }
    throw new Refusal("Номер заседания «" + text + "» не распознан: укажите его как в протоколе, например «3/2026»");
  }

  public String key() {
    return year + "-" + number;
  }

  /** «№ 3/2026». */
  public String display() {
    return "№ " + number + "/" + year;
  }
}
