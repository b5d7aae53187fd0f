package ru.nso.wg.document.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dissenting opinion (особое мнение) filed in writing by a member (§ 17); attached to the minutes.
 *
 * @param memberName «Фамилия Имя Отчество» of the member
 * @param position   the member's position, may be empty
 * @param itemNumber the agenda item it concerns
 * @param text       the opinion as written
 * @param date       the date it was filed
 */
public record DissentingOpinion(String memberName, String position, int itemNumber, String text, LocalDate date) {

  public DissentingOpinion {
    Objects.requireNonNull(memberName, "memberName");
    Objects.requireNonNull(text, "text");
    position = position == null ? "" : position;
  }
}
