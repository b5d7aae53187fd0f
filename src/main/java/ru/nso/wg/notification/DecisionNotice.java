package ru.nso.wg.notification;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A decision under execution control (§ 8) whose due date is approaching (a reminder to the executor) or has passed
 * (an escalation to the controlling deputy chair).
 *
 * @param decisionKey      the decision's key, e.g. {@code 2026-3/2} (the delivery log's subject key)
 * @param meetingTitle     the meeting, e.g. «№ 3/2026 от 16.12.2026 14:30»
 * @param itemNo           the agenda item
 * @param itemTitle        its title
 * @param decisionText     the decision with the instruction
 * @param executorId       the executor: a user id, or a group id when {@code executorIsGroup}
 * @param executorIsGroup  whether the executor is a group (every member is reminded) or a person
 * @param executorName     the executor as the minutes name them
 * @param controlAreaGroup the deputy-chair area group that controls execution (escalations go to its members)
 * @param controllerText   e.g. «Кузнецова Елена Игоревна (Цифровая трансформация …)»
 * @param due              the due date's deadline (Asia/Novosibirsk)
 * @param stageText        for an escalation: who has to act now, e.g. «ожидается отчёт исполнителя»
 * @param link             optional link for the recipients (e.g. Tasklist), may be empty
 */
public record DecisionNotice(String decisionKey, String meetingTitle, int itemNo, String itemTitle,
                             String decisionText, String executorId, boolean executorIsGroup, String executorName,
                             String controlAreaGroup, String controllerText, ZonedDateTime due, String stageText,
                             String link) {

  public DecisionNotice {
    Objects.requireNonNull(decisionKey, "decisionKey");
    Objects.requireNonNull(executorId, "executorId");
    Objects.requireNonNull(controlAreaGroup, "controlAreaGroup");
    Objects.requireNonNull(due, "due");
    meetingTitle = meetingTitle == null ? "" : meetingTitle;
    itemTitle = itemTitle == null ? "" : itemTitle;
    decisionText = decisionText == null ? "" : decisionText;
    executorName = executorName == null ? executorId : executorName;
    controllerText = controllerText == null ? controlAreaGroup : controllerText;
    stageText = stageText == null ? "" : stageText;
    link = link == null ? "" : link;
  }
}
