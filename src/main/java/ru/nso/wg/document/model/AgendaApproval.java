package ru.nso.wg.document.model;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Who approved the agenda and when (§ 7 (2)): what the approved agenda's «УТВЕРЖДАЮ» block says («утверждено в
 * электронной форме 02.12.2026 15:20»).
 *
 * @param name       the approver's full name («Фамилия Имя Отчество»)
 * @param position   the approver's position, may be empty
 * @param approvedAt when the approval was recorded (Asia/Novosibirsk)
 */
public record AgendaApproval(String name, String position, ZonedDateTime approvedAt) {

  public AgendaApproval {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(approvedAt, "approvedAt");
    position = position == null ? "" : position;
  }
}
