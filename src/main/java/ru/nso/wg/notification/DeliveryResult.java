package ru.nso.wg.notification;

import java.util.List;

/**
 * What one notification call did.
 *
 * @param meetingKey  the meeting (or other subject) key
 * @param messageKind the delivery-log kind, e.g. {@code agenda#0}
 * @param sent        recipients sent the message by this call
 * @param alreadySent recipients skipped because an earlier attempt had delivered the message to them
 * @param gaps        recipients without a (valid) e-mail address: not sent, never an error
 */
public record DeliveryResult(String meetingKey, String messageKind, List<Recipient> sent,
                             List<Recipient> alreadySent, List<DeliveryGap> gaps) {

  public DeliveryResult {
    sent = List.copyOf(sent);
    alreadySent = List.copyOf(alreadySent);
    gaps = List.copyOf(gaps);
  }

  public boolean hasGaps() {
    return !gaps.isEmpty();
  }

  /** One Russian line per gap, for a process variable or a task form. */
  public List<String> gapTexts() {
    return gaps.stream().map(DeliveryGap::text).toList();
  }

  /** Everyone who has the message now (this call or earlier attempts). */
  public int deliveredCount() {
    return sent.size() + alreadySent.size();
  }
}
