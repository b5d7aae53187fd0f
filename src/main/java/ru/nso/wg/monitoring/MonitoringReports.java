package ru.nso.wg.monitoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ru.nso.wg.monitoring.Workbook.row;

/**
 * The XLSX workbooks of the reports (the quarterly report on the working group's activity): the compliance report
 * (register of meetings with the publication's service level in columns of its own, deadlines of §§ 13, 14, 18, 19
 * per meeting, totals per clause) and the decisions report
 * (decisions under control, totals per area). Same data and access as the JSON ({@link MonitoringViews}).
 */
@Service
public class MonitoringReports {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** How the register heads the publication's columns: «уровень обслуживания, не срок Положения». */
  static final String SERVICE_LEVEL = DeadlineKind.PUBLICATION.reference();

  private final MonitoringService service;
  private final String appUrl;

  public MonitoringReports(MonitoringService service, @Value("${wg.mail.app-url:}") String appUrl) {
    this.service = service;
    this.appUrl = appUrl == null ? "" : appUrl.replaceAll("/+$", "");
  }

  public byte[] compliance(MonitoringAccess access, Period period) {
    access.requireAll();
    List<MeetingOverview> meetings = service.meetings(period);
    Workbook book = new Workbook();
    List<List<Object>> register = new ArrayList<>();
    for (MeetingOverview m : meetings) {
      String minutes = MonitoringJson.minutesUrl(m);
      register.add(row(m.display(), m.date(), m.format().title(), m.presidingName(), m.status().title(),
          m.quorumText().isEmpty() ? null : m.quorumText(), m.items(), m.decisions(),
          m.signedOn(), m.copiesSentAt(), m.publishedAt(),
          minutes == null ? null : appUrl + minutes, m.publicationUrl(), m.publication().dueAt(),
          m.publication().text()));
    }
    // the publication's service level: columns of its own, never in the sheets of the regulation's deadlines
    book.sheet("Реестр заседаний", List.of("№ заседания", "Дата заседания", "Формат", "Председательствующий",
        "Стадия", "Кворум", "Вопросов повестки", "Принято решений", "Протокол подписан",
        "Копии протокола направлены", "Информация размещена", "Протокол (ссылка)", "Адрес публикации",
        "Срок размещения (" + SERVICE_LEVEL + ")", "Размещение (" + SERVICE_LEVEL + ")"), register);

    List<List<Object>> deadlines = new ArrayList<>();
    for (MeetingOverview m : meetings) {
      for (DeadlineStatus d : m.deadlines()) {
        deadlines.add(row(m.display(), m.date(), d.kind().reference(), d.kind().description(), d.dueAt(),
            d.doneAt(), d.text(), d.state() == DeadlineState.LATE ? d.lateWorkingDays() : null));
      }
    }
    book.sheet("Соблюдение сроков", List.of("№ заседания", "Дата заседания", "Пункт Положения", "Что сделать",
        "Срок", "Выполнено", "Состояние", "Опоздание, рабочих дней"), deadlines);

    List<List<Object>> summary = new ArrayList<>();
    for (Map.Entry<DeadlineKind, Map<DeadlineState, Integer>> e : MonitoringViews.summary(meetings).entrySet()) {
      Map<DeadlineState, Integer> n = e.getValue();
      summary.add(row(e.getKey().reference(), e.getKey().description(), n.get(DeadlineState.MET),
          n.get(DeadlineState.LATE), n.get(DeadlineState.MISSED), n.get(DeadlineState.AT_RISK),
          n.get(DeadlineState.UPCOMING), n.get(DeadlineState.NOT_APPLICABLE)));
    }
    book.sheet("Итоги по срокам", List.of("Пункт Положения", "Что сделать", "Выполнено в срок",
        "Выполнено с опозданием", "Нарушен, не выполнено", "Под угрозой", "Предстоит", "Не применяется"), summary);
    return book.bytes();
  }

  public byte[] decisions(MonitoringAccess access, Period period, String area) {
    List<String> areas = access.areasFor(area);
    List<DecisionRow> rows = service.decisions(period, areas, null);
    Workbook book = new Workbook();
    List<List<Object>> list = new ArrayList<>();
    for (DecisionRow d : rows) {
      list.add(row(d.meetingDisplay(), d.meetingDate(), d.itemNo(), d.itemTitle(), d.decisionText(), d.executorName(),
          d.areaTitle(), d.controllerName(), d.originalDueDate(), d.dueDate(), d.state().title(),
          d.category().title(), d.closedAt(), d.executedLate()));
    }
    book.sheet("Решения на контроле", List.of("№ заседания", "Дата заседания", "№ вопроса", "Вопрос повестки",
        "Решение (поручение)", "Исполнитель", "Направление", "Заместитель председателя", "Срок по решению",
        "Действующий срок", "Состояние", "Группа", "Снято с контроля", "Исполнено с опозданием"), list);
    List<List<Object>> totals = new ArrayList<>();
    for (AreaCounts a : service.decisionCounts(period, areas)) {
      totals.add(row(a.areaTitle(), a.counts().get(DecisionCategory.IN_PROGRESS),
          a.counts().get(DecisionCategory.DUE_SOON), a.counts().get(DecisionCategory.OVERDUE),
          a.counts().get(DecisionCategory.EXECUTED), a.counts().get(DecisionCategory.WITHDRAWN), a.total()));
    }
    book.sheet("Итоги по направлениям", List.of("Направление", "На исполнении",
        "Срок в ближайшие 3 рабочих дня", "Просрочено", "Исполнено", "Снято с контроля", "Всего"), totals);
    return book.bytes();
  }
}
