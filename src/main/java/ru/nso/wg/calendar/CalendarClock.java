package ru.nso.wg.calendar;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;

import java.time.Instant;
import java.time.LocalDate;

/** "Now" as the process engine sees it (tests move it with {@code ClockUtil.setCurrentTime}). */
@Component
public class CalendarClock {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today's date in Novosibirsk. */
  public LocalDate today() {
    return LocalDate.ofInstant(now(), RussianDates.ZONE);
  }
}
