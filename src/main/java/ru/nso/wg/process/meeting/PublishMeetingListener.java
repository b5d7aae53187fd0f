package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PUBLICATION_URL;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNED_ON;

/** § 19: the information-policy department records where the meeting was published. */
@Component("publishMeetingListener")
public class PublishMeetingListener implements TaskListener {

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final IdentityService identity;

  public PublishMeetingListener(MeetingRecord record, MeetingScheduling scheduling, IdentityService identity) {
    this.record = record;
    this.scheduling = scheduling;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String url = PUBLICATION_URL.find(task).filter(u -> URL.matcher(u).matches())
        .orElseThrow(() -> new Refusal("Укажите адрес публикации, начинающийся с http:// или https://"));
    String key = MEETING_KEY.get(task);
    record.setStatus(key, MeetingStatus.PUBLISHED, null);
    record.event(key, "PUBLISHED", url, FormValues.currentUser(identity));
    scheduling.recordCompletion(key, DeadlineKind.MINUTES_COPIES_DUE, LocalDate.parse(SIGNED_ON.get(task)));
  }
}
