package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.rules.VoteOutcome;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.Var;
import ru.nso.wg.roster.Roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.ABSENT_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.ALL_PRESENT_FOR;
import static ru.nso.wg.process.MeetingProcess.Vars.ARRIVED_BY_VIDEO;
import static ru.nso.wg.process.MeetingProcess.Vars.ARRIVED_IN_PERSON;
import static ru.nso.wg.process.MeetingProcess.Vars.CHAIR_USER_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.CONFIRMED_OUTCOME;
import static ru.nso.wg.process.MeetingProcess.Vars.CURRENT_PRESIDING;
import static ru.nso.wg.process.MeetingProcess.Vars.CURRENT_PRESIDING_NAME;
import static ru.nso.wg.process.MeetingProcess.Vars.CONTROL_AREA;
import static ru.nso.wg.process.MeetingProcess.Vars.DECISION_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.DISCUSSION;
import static ru.nso.wg.process.MeetingProcess.Vars.EXECUTOR;
import static ru.nso.wg.process.MeetingProcess.Vars.EXECUTOR_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.HAS_INSTRUCTION;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_DUE;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_FORM;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_REF;
import static ru.nso.wg.process.MeetingProcess.Vars.ITEM_NO;
import static ru.nso.wg.process.MeetingProcess.Vars.ITEM_SPEAKER;
import static ru.nso.wg.process.MeetingProcess.Vars.ITEM_TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.LEFT_BEFORE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.NEEDS_CONFIRMATION;
import static ru.nso.wg.process.MeetingProcess.Vars.OUTCOME_QUESTION;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_COUNT;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_ON_DAY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_USER_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.PREVIOUS_OUTCOME;
import static ru.nso.wg.process.MeetingProcess.Vars.QUORUM_NEEDED;
import static ru.nso.wg.process.MeetingProcess.Vars.ROSTER_SIZE;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_ABSTAIN;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_ABSTAIN_COUNT;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_AGAINST;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_AGAINST_COUNT;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_FOR;
import static ru.nso.wg.process.MeetingProcess.Vars.VOTES_FOR_COUNT;

/**
 * § 10, § 15, § 16: who arrived or left before one agenda item, who presides over it, the vote and the decision.
 * Every field of the form lives in the execution of this item (one instance of the voting subprocess), so one
 * item's answers never pre-fill the next.
 */
@Component("recordVoteListener")
public class RecordVoteListener extends FormTask {

  private final MeetingConduct conduct;
  private final MeetingRecord record;
  private final Roster roster;
  private final IdentityService identity;

  public RecordVoteListener(MeetingConduct conduct, MeetingRecord record, Roster roster, IdentityService identity) {
    this.conduct = conduct;
    this.record = record;
    this.roster = roster;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    int itemNo = ITEM_NO.get(task);
    DelegateExecution item = task.getExecution();
    AgendaItem agendaItem = record.agenda(key).stream().filter(i -> i.no() == itemNo).findFirst().orElseThrow();
    ITEM_TITLE.setLocal(item, agendaItem.title());
    ITEM_SPEAKER.setLocal(item, agendaItem.speaker());
    List<Attendee> present = conduct.presentFor(key, itemNo);
    Map<String, String> options = new LinkedHashMap<>();
    present.forEach(a -> options.put(a.userId(), a.fullName()));
    PRESENT_OPTIONS.setLocal(item, FormValues.options(options));
    PRESENT_COUNT.setLocal(item, present.size());
    Map<String, String> absent = new LinkedHashMap<>();
    conduct.absentFor(key, itemNo).forEach(a -> absent.put(a.userId(), a.fullName()));
    ABSENT_OPTIONS.setLocal(item, FormValues.options(absent));
    List<Attendee> sitting = record.attendance(key);
    ROSTER_SIZE.setLocal(item, sitting.size());
    QUORUM_NEEDED.setLocal(item, conduct.quorumNeeded(sitting.size()));
    Map<String, String> chairs = new LinkedHashMap<>();
    sitting.stream().filter(a -> a.role() != Roster.Role.MEMBER).forEach(a -> chairs.put(a.userId(), a.fullName()
        + (a.role() == Roster.Role.CHAIR ? " — председатель" : " — заместитель председателя")));
    PRESIDING_OPTIONS.setLocal(item, FormValues.options(chairs));
    String presiding = conduct.presidingFor(key, itemNo);
    CURRENT_PRESIDING.setLocal(item, presiding);
    CURRENT_PRESIDING_NAME.setLocal(item, sitting.stream().filter(a -> a.userId().equals(presiding))
        .map(Attendee::fullName).findFirst().orElse(presiding));
    PRESIDING_ON_DAY.setLocal(item, presiding);
    CHAIR_USER_ID.setLocal(item, sitting.stream().filter(a -> a.role() == Roster.Role.CHAIR)
        .map(Attendee::userId).findFirst().orElse(null));
    for (Var.Str field : List.of(INSTRUCTION_FORM, INSTRUCTION_REF)) {
      field.setLocal(item, null);
    }
    INSTRUCTION_DATE.setLocal(item, null);
    ALL_PRESENT_FOR.setLocal(item, false);
    EXECUTOR_OPTIONS.setLocal(item, FormValues.options(roster.executors()));
    for (Var.Json list : List.of(LEFT_BEFORE, ARRIVED_IN_PERSON, ARRIVED_BY_VIDEO, VOTES_FOR, VOTES_AGAINST,
        VOTES_ABSTAIN)) {
      list.setLocal(item, FormValues.emptyArray());
    }
    for (Var.Str field : List.of(DISCUSSION, DECISION_TEXT, EXECUTOR, CONTROL_AREA, OUTCOME_QUESTION,
        CONFIRMED_OUTCOME)) {
      field.setLocal(item, null);
    }
    INSTRUCTION_DUE.setLocal(item, null);
    HAS_INSTRUCTION.setLocal(item, false);
    NEEDS_CONFIRMATION.setLocal(item, false);
  }

  @Override
  protected void accept(DelegateTask task) {
    DelegateExecution item = task.getExecution();
    boolean instruction = HAS_INSTRUCTION.find(task).orElse(false);
    String key = MEETING_KEY.get(task);
    VoteOutcome outcome = conduct.recordItem(key, new MeetingConduct.ItemRecord(ITEM_NO.get(task),
        FormValues.strings(LEFT_BEFORE, task), FormValues.strings(ARRIVED_IN_PERSON, task),
        FormValues.strings(ARRIVED_BY_VIDEO, task), PresidingFields.read(task),
        ALL_PRESENT_FOR.find(task).orElse(false), FormValues.strings(VOTES_FOR, task),
        FormValues.strings(VOTES_AGAINST, task), FormValues.strings(VOTES_ABSTAIN, task),
        DISCUSSION.find(task).orElse(null), DECISION_TEXT.find(task).orElse(null), instruction,
        EXECUTOR.find(task).orElse(null),
        instruction ? INSTRUCTION_DUE.find(task).orElse(null) : null,
        CONTROL_AREA.find(task).orElse(null)), FormValues.currentUser(identity));
    NEEDS_CONFIRMATION.setLocal(item, outcome.needsConfirmation());
    VOTES_FOR_COUNT.setLocal(item, outcome.tally().forVotes());
    VOTES_AGAINST_COUNT.setLocal(item, outcome.tally().against());
    VOTES_ABSTAIN_COUNT.setLocal(item, outcome.tally().abstain());
    PRESENT_COUNT.setLocal(item, outcome.tally().present());
    OUTCOME_QUESTION.setLocal(item, outcome.minutesText());
    // the next task says what was decided; whoever presides now confirms outcomes and signs at the end
    PREVIOUS_OUTCOME.set(task, "Вопрос " + ITEM_NO.get(task) + ": " + outcome.summary());
    PRESIDING_USER_ID.set(task, record.get(key).presidingUserId());
  }
}
