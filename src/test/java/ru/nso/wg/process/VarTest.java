package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.nso.wg.common.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_DUE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_START;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_START_AT;

/** The typed variables for dates: what code reads and writes, and what the models' expressions see. */
class VarTest {

  private final Map<String, Object> variables = new HashMap<>();
  private final VariableScope scope = mock(VariableScope.class);

  @BeforeEach
  void aScopeBackedByAMap() {
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(scope)
        .setVariable(anyString(), any());
  }

  @Test
  void aDayIsStoredAsItsIsoTextSoThatTheModelsExpressionsCanPassItToTheCalendar() {
    INSTRUCTION_DUE.set(scope, LocalDate.of(2027, 3, 1));
    assertThat(variables).containsEntry(INSTRUCTION_DUE.name(), "2027-03-01");
    assertThat(INSTRUCTION_DUE.get(scope)).isEqualTo(LocalDate.of(2027, 3, 1));
    // a date field may submit a date-time: its date is taken
    variables.put(INSTRUCTION_DUE.name(), "2027-03-01T00:00+07:00");
    assertThat(INSTRUCTION_DUE.get(scope)).isEqualTo(LocalDate.of(2027, 3, 1));
  }

  @Test
  void theMeetingsStartIsOneValueThatAlsoWritesTheInstantAndTheNovosibirskDateTheTimersRead() {
    // 20:00 UTC on the 15th is 03:00 on the 16th in Novosibirsk: the deadlines count from the 16th
    MEETING_START.set(scope, OffsetDateTime.parse("2026-12-15T20:00Z"));
    assertThat(variables).containsEntry(MEETING_START.name(), "2026-12-15T20:00Z")
        .containsEntry(MEETING_START_AT.name(), Date.from(Instant.parse("2026-12-15T20:00:00Z")))
        .containsEntry(MEETING_DATE.name(), "2026-12-16");
    assertThat(MEETING_START.get(scope)).isEqualTo(OffsetDateTime.parse("2026-12-15T20:00Z"));
    assertThat(MEETING_DATE.get(scope)).isEqualTo(LocalDate.of(2026, 12, 16));
  }

  @Test
  void anUnreadableDateIsARefusalThatNamesTheField() {
    variables.put(INSTRUCTION_DUE.name(), "первое марта");
    assertThatThrownBy(() -> INSTRUCTION_DUE.get(scope)).isInstanceOf(Refusal.class)
        .hasMessage("Поле «Срок исполнения»: дата «первое марта» не распознана");
    variables.put(MEETING_START.name(), "завтра в 10");
    assertThatThrownBy(() -> MEETING_START.find(scope)).isInstanceOf(Refusal.class)
        .hasMessage("Дата и время заседания «завтра в 10» не распознаны");
  }
}
