package ru.nso.wg.meeting.rules;

/**
 * One member's vote on one agenda item, as recorded by the secretariat. Components may be {@code null} in
 * input that has not been validated yet; {@link ItemVotes} reports such a vote as an error.
 *
 * @param memberId the member's user ID in the roster
 * @param choice   for, against or abstain
 */
public record Vote(String memberId, VoteChoice choice) {

  public static Vote of(String memberId, VoteChoice choice) {
    return new Vote(memberId, choice);
  }
}
