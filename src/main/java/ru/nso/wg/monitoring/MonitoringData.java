package ru.nso.wg.monitoring;

import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.control.DecisionState;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the monitoring views and reports read, as plain values (times in Novosibirsk). */
public final class MonitoringData {

  private MonitoringData() {
  }

  /**
   * One meeting of the register with its deadlines of the regulation and, apart, the publication's service level.
   *
   * @param present     roster members present at the latest sitting (in person or by ВКС); 0 before attendance
   * @param registered  roster members listed at the latest sitting; 0 before attendance
   */
  public record MeetingOverview(String key, int year, int number, String processInstanceId, OffsetDateTime start,
                                MeetingFormat format, MeetingStatus status, String presidingName,
                                LocalDate signedOn, OffsetDateTime copiesSentAt, OffsetDateTime publishedAt,
                                String publicationUrl, int items, int decisions, int present, int registered,
                                List<DeadlineStatus> deadlines, ServiceLevelStatus publication) {

    /** «№ 3/2026». */
    public String display() {
      return "№ " + number + "/" + year;
    }

    public LocalDate date() {
      return start.toLocalDate();
    }

    public DeadlineStatus deadline(DeadlineKind kind) {
      return deadlines.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    /** The first open deadline (a missed one first), or {@code null}. */
    public DeadlineStatus next() {
      return DeadlineEvaluator.next(deadlines).orElse(null);
    }

    /** Whether the meeting took place (its compliance of §§ 13, 14, 18, 19 is reported). */
    public boolean held() {
      return status == MeetingStatus.HELD || status == MeetingStatus.MINUTES_SIGNED
          || status == MeetingStatus.PUBLISHED;
    }

    /** Quorum for people: «правомочно (10 из 15)», «неправомочно (5 из 15)», or empty before attendance. */
    public String quorumText() {
      if (registered == 0) {
        return "";
      }
      return (status == MeetingStatus.NOT_HELD ? "неправомочно" : "правомочно") + " (" + present + " из "
          + registered + ")";
    }

    /** The process instance can still be opened in Cockpit (CE shows running instances only). */
    public boolean running() {
      return processInstanceId != null && status != MeetingStatus.PUBLISHED && status != MeetingStatus.CANCELLED;
    }
  }

  /** Counts of decisions under control of one deputy-chair area by category. */
  public record AreaCounts(String area, String areaTitle, Map<DecisionCategory, Integer> counts) {
    public AreaCounts {
      Map<DecisionCategory, Integer> all = new EnumMap<>(DecisionCategory.class);
      for (DecisionCategory c : DecisionCategory.values()) {
        all.put(c, counts.getOrDefault(c, 0));
      }
      counts = Collections.unmodifiableMap(all);
    }

    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** One decision under control, as a manager's list shows it. */
  public record DecisionRow(String key, String meetingKey, int meetingYear, int meetingNumber, LocalDate meetingDate,
                            int itemNo, String itemTitle, String decisionText, String executorName,
                            String controlArea, String areaTitle, String controllerName, LocalDate originalDueDate,
                            LocalDate dueDate, DecisionState state, DecisionCategory category,
                            OffsetDateTime closedAt, boolean executedLate, String processInstanceId) {

    public String meetingDisplay() {
      return "№ " + meetingNumber + "/" + meetingYear;
    }
  }

  /** One line of a meeting's legal timeline. */
  public record TimelineEntry(OffsetDateTime at, String kind, String title, String details, String actor,
                              String actorName) {
  }

  /** A meeting's legal timeline: its deadlines and everything that happened, by time. */
  public record Timeline(MeetingOverview meeting, List<TimelineEntry> entries) {
  }
}
