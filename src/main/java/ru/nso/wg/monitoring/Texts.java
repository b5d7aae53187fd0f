package ru.nso.wg.monitoring;

import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Russian words for what the record stores as codes (events of a meeting, kinds of e-mail), and date formats. */
public final class Texts {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

  private static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("CREATED", "Принято решение о проведении заседания"),
      Map.entry("CONFIRMED", "Дата, формат и председательствующий подтверждены"),
      Map.entry("AGENDA_SUBMITTED", "Повестка передана на утверждение"),
      Map.entry("AGENDA_APPROVED", "Повестка утверждена"),
      Map.entry("AGENDA_RETURNED", "Повестка возвращена на доработку"),
      Map.entry("AGENDA_SENT", "Повестка разослана"),
      Map.entry("REFERENCE_MATERIALS", "Подготовлены информационно-справочные материалы"),
      Map.entry("POSTPONED", "Заседание перенесено"),
      Map.entry("CANCELLED", "Заседание отменено"),
      Map.entry("ATTENDANCE", "Регистрация участников"),
      Map.entry("QUORUM", "Проверка кворума"),
      Map.entry("NOT_HELD", "Заседание не состоялось"),
      Map.entry("VOTE", "Голосование"),
      Map.entry("OUTCOME_CONFIRMED", "Результат голосования подтверждён"),
      Map.entry("DISSENT", "Особое мнение"),
      Map.entry("MINUTES_RETURNED", "Протокол возвращён на доработку"),
      Map.entry("SIGNED", "Протокол подписан"),
      Map.entry("PUBLISHED", "Информация размещена на официальном сайте"),
      Map.entry("REMINDER", "Напоминание о сроке"),
      Map.entry("DEADLINE_MISSED", "Срок нарушен: уведомление"),
      Map.entry("DELIVERY_GAPS", "Письма не доставлены"),
      Map.entry("PRESIDING_CHANGED", "Сменился председательствующий"),
      Map.entry("CHAIR_POWERS", "Задача председателя передана заместителю по поручению"),
      Map.entry("CHAIR_INSTRUCTION_WITHDRAWN", "Поручение председателя отозвано"),
      Map.entry("DATE_REQUESTED", "Секретариат запросил перенос или отмену"),
      Map.entry("DATE_REQUEST_REFUSED", "Председатель отклонил перенос или отмену"),
      Map.entry("ITEM_CARRIED_OVER", "Вопрос перенесён на другое заседание"),
      Map.entry("MINUTES_DISTRIBUTED", "Копии протокола направлены, информация передана для размещения (п. 19)"),
      Map.entry("PUBLICATION_REMINDER", "Напоминание о сроке размещения (уровень обслуживания)"),
      Map.entry("PUBLICATION_OVERDUE", "Срок размещения превышен (уровень обслуживания, не срок Положения)"));

  private Texts() {
  }

  public static String eventTitle(String kind) {
    return EVENTS.getOrDefault(kind, kind);
  }

  /** Kinds of {@code notification.MeetingMessages}: {@code agenda#1}, {@code reminder:agendaToChair:2026-12-01}… */
  public static String mailTitle(String kind) {
    String base = kind.replaceAll("#\\d+$", "");
    if (kind.startsWith("service-reminder:") || kind.startsWith("service-overdue:")) {
      // the publication's service level: never worded as a breach of the regulation
      return kind.startsWith("service-reminder:") ? "Письма: напоминание о сроке размещения (уровень обслуживания)"
          : "Письма: срок размещения превышен (уровень обслуживания, не срок Положения)";
    }
    if (kind.startsWith("task:")) {
      // notification/TaskMessages: one kind per task, told to its holders (issue 16)
      return "Письма: уведомление о новой задаче";
    }
    if (kind.startsWith("reminder:") || kind.startsWith("escalation:")) {
      String[] parts = kind.split(":");
      String clause = parts.length > 1 ? DeadlineKind.fromCode(parts[1]).map(DeadlineKind::reference).orElse(parts[1])
          : "";
      return (kind.startsWith("reminder:") ? "Письма: напоминание о сроке " : "Письма: уведомление о нарушении срока ")
          + clause;
    }
    return switch (base) {
      case "agenda" -> "Письма: повестка заседания";
      case "invitation" -> "Письма: приглашения на заседание";
      case "postponement" -> "Письма: уведомления о переносе";
      case "cancellation" -> "Письма: уведомления об отмене";
      case "minutes-copy" -> "Письма: копии протокола";
      case "publication-request" -> "Письма: информация для размещения на официальном сайте";
      default -> "Письма: " + kind;
    };
  }

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String dateTime(OffsetDateTime t) {
    return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(RussianDates.ZONE));
  }
}
