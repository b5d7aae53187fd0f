package ru.nso.wg.control;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.platform.PostgresTestSupport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migration V30 and the SQL of the register of controlled decisions on a real PostgreSQL (production). */
class DecisionRegisterPostgresTest {

  static DataSource dataSource;

  @BeforeAll
  static void start() {
    dataSource = PostgresTestSupport.newMigratedDataSource();
  }

  private static ControlledDecision decision(MeetingRef meeting, int item, String executor, String area, String due) {
    return new ControlledDecision(ControlledDecision.keyOf(meeting.key(), item), meeting.key(), meeting, null, item,
        "Вопрос " + item, "Подготовить проект «стандарта»", executor, ExecutorKind.USER, "Васильев Павел Андреевич",
        area, "kuznetsova", "Кузнецова Елена Игоревна", LocalDate.parse(due), LocalDate.parse(due),
        OffsetDateTime.parse(due + "T18:00+07:00"), DecisionState.IN_PROGRESS, DecisionStage.AWAITING_REPORT,
        "pi-" + item, null, null, null, null);
  }

  @Test
  void theRegisterKeepsDecisionsTheirStatesAndHistoryOnPostgres() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    MeetingRecord meetings = new MeetingRecord(jdbc);
    DecisionRegister register = new DecisionRegister(jdbc);
    MeetingRef meeting = meetings.create(2026, OffsetDateTime.parse("2026-11-16T14:30+07:00"), MeetingFormat.IN_PERSON,
        "зал № 1", null, null, "smirnova");
    register.insert(decision(meeting, 1, "vasiliev", "wg-area-digital", "2027-03-01"));
    register.insert(decision(meeting, 2, "fedorov", "wg-area-services", "2026-12-10"));
    assertThatThrownBy(() -> register.insert(decision(meeting, 2, "fedorov", "wg-area-services", "2026-12-10")))
        .isInstanceOf(DuplicateKeyException.class);

    register.setState(meeting.key() + "/2", DecisionState.OVERDUE);
    register.addEvent(meeting.key() + "/2", DecisionEvent.of(DecisionEventKind.ESCALATED, "Срок истёк", null));
    register.extend(meeting.key() + "/1", LocalDate.parse("2027-04-15"),
        OffsetDateTime.parse("2027-04-15T18:00+07:00"));
    register.addEvent(meeting.key() + "/1", new DecisionEvent(DecisionEventKind.EXTENDED, "Причина", null,
        LocalDate.parse("2027-03-01"), LocalDate.parse("2027-04-15"), null, "sokolov", null));
    register.close(meeting.key() + "/1", DecisionState.EXECUTED);

    ControlledDecision executed = register.get(meeting.key() + "/1");
    assertThat(executed.meetingRef()).isEqualTo(meeting);
    assertThat(executed.meetingStart().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-16T14:30+07:00").toInstant());
    assertThat(executed.dueDate()).isEqualTo(LocalDate.parse("2027-04-15"));
    assertThat(executed.originalDueDate()).isEqualTo(LocalDate.parse("2027-03-01"));
    assertThat(executed.dueAt().toInstant()).isEqualTo(OffsetDateTime.parse("2027-04-15T18:00+07:00").toInstant());
    assertThat(executed.state()).isEqualTo(DecisionState.EXECUTED);
    assertThat(executed.stage()).isEqualTo(DecisionStage.CLOSED);
    assertThat(executed.closedAt()).isNotNull();
    assertThat(register.events(meeting.key() + "/1")).singleElement()
        .satisfies(e -> assertThat(e.dueDateAfter()).isEqualTo(LocalDate.parse("2027-04-15")));

    assertThat(register.search(new DecisionQuery(meeting.key(), null, null, Set.of(DecisionState.OVERDUE))))
        .extracting(ControlledDecision::itemNo).containsExactly(2);
    assertThat(register.search(new DecisionQuery(meeting.key(), List.of("wg-area-digital", "wg-area-coordination"),
        "vasiliev", Set.of()))).extracting(ControlledDecision::itemNo).containsExactly(1);
    assertThat(register.search(new DecisionQuery(meeting.key(), List.of(), null, Set.of()))).isEmpty();
    // by due date: the overdue one first
    assertThat(register.search(new DecisionQuery(meeting.key(), null, null, Set.of())))
        .extracting(ControlledDecision::itemNo).containsExactly(2, 1);

    register.withdraw(meeting.key() + "/2", "2026-9", 2);
    assertThat(register.get(meeting.key() + "/2").withdrawnByText()).isEqualTo("№ 9/2026, вопрос 2");
    assertThatThrownBy(() -> jdbc.update("UPDATE wg_controlled_decision SET state = 'LOST'"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
