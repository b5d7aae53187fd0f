package ru.nso.wg.calendar;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates one year's data file ({@code <year>.json}, format in {@code calendar/README.md}).
 * Anything doubtful is refused with a message (in Russian) naming the file and the entry: an unknown field, a
 * duplicate key or date, a date outside the year, a type that contradicts the day of the week.
 */
public final class CalendarFileReader {

  /** The only accepted file name: the four-digit year and {@code .json}. */
  public static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.json");

  private static final Set<String> YEAR_FIELDS = Set.of("year", "status", "decree", "note", "days");
  private static final Set<String> DAY_FIELDS = Set.of("date", "type", "shortened", "reason");
  private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final String[] DAY_OF_WEEK =
      {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"};

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private CalendarFileReader() {
  }

  /**
   * @param source   how a person finds the file (its path, or its classpath location)
   * @param fileName the file's name, which must be {@code <year>.json} for the year inside it
   * @param content  the file's bytes (UTF-8)
   */
  public static CalendarYear read(String source, String fileName, byte[] content) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new CalendarDataException(prefix(source) + "имя файла должно состоять из года и расширения .json "
          + "(например, 2027.json), а не «" + fileName + "»");
    }
    int fileYear = Integer.parseInt(name.group(1));

    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " в строке " + at.getLineNr() + ", столбце " + at.getColumnNr();
      throw new CalendarDataException(prefix(source) + "ошибка в записи JSON" + where + " (" + e.getOriginalMessage()
          + ")", e);
    } catch (IOException e) {
      throw new CalendarDataException(prefix(source) + "файл не удалось прочитать: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CalendarDataException(prefix(source) + "файл должен содержать один объект JSON { … }");
    }
    checkFields(source, "", root, YEAR_FIELDS);

    JsonNode yearNode = root.get("year");
    if (yearNode == null || !yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
      throw new CalendarDataException(prefix(source) + "поле «year» обязательно и должно быть целым числом (годом)");
    }
    int year = yearNode.intValue();
    if (year != fileYear) {
      throw new CalendarDataException(prefix(source) + "год в имени файла (" + fileYear
          + ") не совпадает с годом в поле «year» (" + year + ")");
    }

    String statusCode = requiredText(source, "", root, "status");
    YearStatus status = YearStatus.fromCode(statusCode).orElseThrow(() -> new CalendarDataException(prefix(source)
        + "неизвестный статус «" + statusCode + "» в поле «status»; допустимы «official» и «provisional»"));
    String decree = requiredText(source, "", root, "decree");
    String note = optionalText(source, "", root, "note");

    JsonNode daysNode = root.get("days");
    if (daysNode == null || !daysNode.isArray()) {
      throw new CalendarDataException(prefix(source) + "поле «days» обязательно и должно быть списком [ … ]");
    }
    List<CalendarDay> days = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    int index = 0;
    for (JsonNode entry : daysNode) {
      index++;
      CalendarDay day = readDay(source, year, index, entry);
      Integer first = seen.putIfAbsent(day.date(), index);
      if (first != null) {
        throw new CalendarDataException(prefix(source) + entryName(index, day.date().toString())
            + "дата " + RU_DATE.format(day.date()) + " уже указана в записи № " + first
            + "; у каждой даты может быть только одна запись");
      }
      days.add(day);
    }
    return new CalendarYear(year, status, decree, note, days);
  }

  private static CalendarDay readDay(String source, int year, int index, JsonNode entry) {
    if (!entry.isObject()) {
      throw new CalendarDataException(prefix(source) + entryName(index, null) + "запись должна быть объектом { … }");
    }
    JsonNode dateNode = entry.get("date");
    String dateText = dateNode != null && dateNode.isTextual() ? dateNode.textValue() : null;
    String where = entryName(index, dateText);
    checkFields(source, where, entry, DAY_FIELDS);
    if (dateText == null) {
      throw new CalendarDataException(prefix(source) + where
          + "поле «date» обязательно и должно быть строкой вида ГГГГ-ММ-ДД");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(dateText, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new CalendarDataException(prefix(source) + where + "«" + dateText
          + "» — не существующая дата вида ГГГГ-ММ-ДД");
    }
    if (date.getYear() != year) {
      throw new CalendarDataException(prefix(source) + where + "дата " + RU_DATE.format(date)
          + " не относится к " + year + " году, которому посвящён файл");
    }

    String typeCode = requiredText(source, where, entry, "type");
    DayType type = DayType.fromCode(typeCode).orElseThrow(() -> new CalendarDataException(prefix(source) + where
        + "неизвестный тип дня «" + typeCode + "»; допустимы " + DayType.allCodes()));
    String reason = requiredText(source, where, entry, "reason");

    boolean shortened = type == DayType.SHORTENED;
    JsonNode shortenedNode = entry.get("shortened");
    if (shortenedNode != null) {
      if (type != DayType.WORKING_WEEKEND) {
        throw new CalendarDataException(prefix(source) + where + "поле «shortened» допустимо только для типа "
            + "«working-weekend»; сокращённый будний день записывается типом «shortened»");
      }
      if (!shortenedNode.isBoolean()) {
        throw new CalendarDataException(prefix(source) + where + "поле «shortened» должно быть true или false");
      }
      shortened = shortenedNode.booleanValue();
    }

    boolean weekend = CalendarDay.isWeekend(date);
    String dayOfWeek = DAY_OF_WEEK[date.getDayOfWeek().getValue() - 1];
    if (type == DayType.WORKING_WEEKEND && !weekend) {
      throw new CalendarDataException(prefix(source) + where + "дата " + RU_DATE.format(date) + " — " + dayOfWeek
          + ", а тип «working-weekend» (рабочий выходной день) допустим только для субботы или воскресенья");
    }
    if (type == DayType.NON_WORKING && weekend) {
      throw new CalendarDataException(prefix(source) + where + "дата " + RU_DATE.format(date) + " — " + dayOfWeek
          + ", а тип «non-working» допустим только для будних дней (понедельник–пятница): суббота и воскресенье "
          + "нерабочие и без записи");
    }
    if (type == DayType.SHORTENED && weekend) {
      throw new CalendarDataException(prefix(source) + where + "дата " + RU_DATE.format(date) + " — " + dayOfWeek
          + ", а тип «shortened» допустим только для будних дней; рабочая суббота или воскресенье с сокращённым "
          + "днём записывается типом «working-weekend» с полем \"shortened\": true");
    }
    return new CalendarDay(date, type, shortened, reason);
  }

  private static void checkFields(String source, String where, JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!allowed.contains(field)) {
        throw new CalendarDataException(prefix(source) + where + "неизвестное поле «" + field + "»; допустимы: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String requiredText(String source, String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new CalendarDataException(prefix(source) + where + "поле «" + field
          + "» обязательно и должно быть непустой строкой");
    }
    return value.textValue().strip();
  }

  private static String optionalText(String source, String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new CalendarDataException(prefix(source) + where + "поле «" + field + "» должно быть строкой");
    }
    return value.textValue().isBlank() ? null : value.textValue().strip();
  }

  private static String prefix(String source) {
    return "Файл производственного календаря «" + source + "»: ";
  }

  private static String entryName(int index, String date) {
    return "запись № " + index + " в «days»" + (date == null ? "" : " (дата «" + date + "»)") + ": ";
  }
}
