package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.COPIES_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_SHA256;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_SIGNED;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNED_ON;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_REMARKS;

/** § 18: the presiding person signs the minutes (frozen with SHA-256) or returns them with remarks. */
@Component("signMinutesListener")
public class SignMinutesListener implements TaskListener {

  static final String SIGN = "SIGN";
  static final String RETURN = "RETURN";

  private final MeetingConduct conduct;
  private final MeetingRecord record;
  private final MeetingDocuments documents;
  private final MeetingScheduling scheduling;
  private final CalendarClock clock;
  private final IdentityService identity;

  public SignMinutesListener(MeetingConduct conduct, MeetingRecord record, MeetingDocuments documents,
                             MeetingScheduling scheduling, CalendarClock clock, IdentityService identity) {
    this.conduct = conduct;
    this.record = record;
    this.documents = documents;
    this.scheduling = scheduling;
    this.clock = clock;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    String actor = FormValues.currentUser(identity);
    conduct.requirePresiding(record.get(key), actor, "подписать протокол");
    String decision = SIGN_DECISION.find(task).orElse(null);
    if (SIGN.equals(decision)) {
      MINUTES_SHA256.set(task, documents.sign(key, actor).sha256());
      conduct.sign(key, actor);
      LocalDate today = clock.today();
      SIGNED_ON.set(task, today.toString());
      COPIES_DUE_TEXT.set(task, scheduling.deadline(DeadlineKind.MINUTES_COPIES_DUE, today).text());
      MINUTES_SIGNED.set(task, true);
      SIGN_REMARKS.set(task, null);
    } else if (RETURN.equals(decision)) {
      String remarks = SIGN_REMARKS.find(task)
          .orElseThrow(() -> new Refusal("Укажите замечания, с которыми протокол возвращается на доработку"));
      record.event(key, "MINUTES_RETURNED", remarks, actor);
      MINUTES_SIGNED.set(task, false);
    } else {
      throw new Refusal("Выберите решение: подписать протокол или вернуть его на доработку");
    }
    SIGN_DECISION.set(task, null);
  }
}
