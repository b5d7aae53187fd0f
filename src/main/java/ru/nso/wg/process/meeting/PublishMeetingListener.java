package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PUBLICATION_URL;

/** § 19: the information-policy department records where the meeting was published. */
@Component("publishMeetingListener")
public class PublishMeetingListener extends FormTask {

  private final MeetingConduct conduct;
  private final IdentityService identity;

  public PublishMeetingListener(MeetingConduct conduct, IdentityService identity) {
    this.conduct = conduct;
    this.identity = identity;
  }

  @Override
  protected void accept(DelegateTask task) {
    conduct.published(MEETING_KEY.get(task), PUBLICATION_URL.find(task).orElse(null), FormValues.currentUser(identity));
  }
}
