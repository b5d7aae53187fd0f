package ru.nso.wg.control;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code wg.control.*} of the execution control (§ 8).
 *
 * <pre>
 * wg:
 *   control:
 *     reminder-working-days: 3        # the executor is reminded N working days before the due date
 *     due-on-day-off: next-working-day  # next-working-day | as-is
 * </pre>
 *
 * @param reminderWorkingDays how many working days before the due date the executor is reminded (1..30)
 * @param dueOnDayOff         when a due date falls on a non-working day: {@code NEXT_WORKING_DAY} (the default: the
 *                            deadline ends on the next working day, Civil Code art. 193) or {@code AS_IS} (it ends
 *                            on that day itself)
 */
@ConfigurationProperties("wg.control")
public record ControlProperties(
    @DefaultValue("3") int reminderWorkingDays,
    @DefaultValue("NEXT_WORKING_DAY") DueOnDayOff dueOnDayOff) {

  /** The two readings of a due date that falls on a non-working day. */
  public enum DueOnDayOff { NEXT_WORKING_DAY, AS_IS }

  public ControlProperties {
    if (reminderWorkingDays < 1 || reminderWorkingDays > 30) {
      throw new IllegalArgumentException("wg.control.reminder-working-days = " + reminderWorkingDays
          + ": напоминание исполнителю направляется за 1–30 рабочих дней до срока");
    }
  }
}
