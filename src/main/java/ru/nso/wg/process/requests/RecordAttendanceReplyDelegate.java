package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.ReplyAnswer;

import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;
import static ru.nso.wg.process.StaffRequestProcesses.REPLY_ANSWER;
import static ru.nso.wg.process.StaffRequestProcesses.REPLY_POSITION;

/**
 * § 14, § 15: a member's attendance reply from Tasklist («Ответ о присутствии на заседании»), always for the member
 * who is logged in — the form has no field for someone else. A refusal is shown in the start dialog.
 */
@Component("recordAttendanceReply")
public class RecordAttendanceReplyDelegate implements JavaDelegate {

  private final AttendanceReplies replies;
  private final IdentityService identity;

  public RecordAttendanceReplyDelegate(AttendanceReplies replies, IdentityService identity) {
    this.replies = replies;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = FormValues.currentUser(identity);
    if (user == null) {
      throw new Refusal("Ответ о присутствии даётся от имени вошедшего в систему члена Рабочей группы");
    }
    MeetingRef ref = MeetingRef.parse(MEETING_REF.find(execution).orElse(null));
    replies.replyInTasklist(ref.key(), user, ReplyAnswer.parse(REPLY_ANSWER.find(execution).orElse(null)),
        REPLY_POSITION.find(execution).orElse(null));
    execution.setProcessBusinessKey(ref.key());
  }
}
