package ru.nso.wg.notification;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.MeetingInfo;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Calendar invitations (RFC 5545, RFC 5546 iTIP) for a meeting, built with ical4j.
 * <ul>
 *   <li>one stable UID per meeting: {@code <businessKey>@wg-meetings};</li>
 *   <li>{@code METHOD:REQUEST} with DTSTART/DTEND in Asia/Novosibirsk and its VTIMEZONE; LOCATION is the place
 *       or the video link; ORGANIZER is the secretariat's address; ATTENDEE is the recipient;</li>
 *   <li>a postponement is a REQUEST with the same UID and a higher SEQUENCE ({@link MeetingInfo#icsSequence()});</li>
 *   <li>a cancellation is {@code METHOD:CANCEL}, {@code STATUS:CANCELLED}, SEQUENCE one above the last REQUEST.</li>
 * </ul>
 */
@Component
public class CalendarInvitations {

  static {
    // ical4j's default time-zone cache needs JCache, which the application does not ship; use its map cache.
    if (System.getProperty("net.fortuna.ical4j.timezone.cache.impl") == null) {
      System.setProperty("net.fortuna.ical4j.timezone.cache.impl", "net.fortuna.ical4j.util.MapTimeZoneCache");
    }
    // Never fetch time-zone updates over the network (also ical4j's default; stated for the reader).
    if (System.getProperty("net.fortuna.ical4j.timezone.update.enabled") == null) {
      System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }
  }

  public static final String UID_SUFFIX = "@wg-meetings";
  static final String PRODID = "-//Novosibirsk Oblast//wg-meetings//RU";

  private final MailSettings settings;

  public CalendarInvitations(MailSettings settings) {
    this.settings = settings;
  }

  /** Ensures ical4j is configured (the static block above) before a caller parses calendars. */
  public static void configure() {
    // class initialisation does the work
  }

  public static String uid(String businessKey) {
    return businessKey + UID_SUFFIX;
  }

  /** A {@code METHOD:REQUEST} invitation (first one, or an update after a postponement). */
  public String request(MeetingInfo meeting, Recipient attendee, String summary, String description) {
    return build(meeting, attendee, summary, description, Method.VALUE_REQUEST, meeting.icsSequence());
  }

  /** A {@code METHOD:CANCEL} for the meeting's event. */
  public String cancel(MeetingInfo meeting, Recipient attendee, String summary, String description) {
    return build(meeting, attendee, summary, description, Method.VALUE_CANCEL, meeting.icsSequence() + 1);
  }

  private String build(MeetingInfo meeting, Recipient attendee, String summary, String description, String method,
                       int sequence) {
    TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
    VTimeZone timeZone = registry.getTimeZone(RussianDates.ZONE.getId()).getVTimeZone();
    ZonedDateTime start = meeting.start();
    ZonedDateTime end = meeting.end();

    VEvent event = new VEvent(false);
    event.add(new Uid(uid(meeting.businessKey())));
    event.add(new DtStamp(Instant.now()));
    event.add(new DtStart<>(start));
    event.add(new DtEnd<>(end));
    event.add(new Sequence(sequence));
    event.add(new Summary(summary));
    if (!meeting.location().isEmpty()) {
      event.add(new Location(meeting.location()));
    }
    if (description != null && !description.isBlank()) {
      event.add(new Description(description));
    }
    Organizer organizer = new Organizer(URI.create("mailto:" + settings.from()));
    organizer.add(new Cn(settings.fromName()));
    event.add(organizer);
    if (attendee != null && attendee.hasEmail()) {
      Attendee a = new Attendee(URI.create("mailto:" + attendee.email()));
      a.add(Role.REQ_PARTICIPANT);
      if (Method.VALUE_REQUEST.equals(method)) {
        a.add(PartStat.NEEDS_ACTION);
        a.add(new Rsvp(true));
      }
      a.add(new Cn(attendee.name()));
      event.add(a);
    }
    event.add(new Status(Method.VALUE_CANCEL.equals(method) ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
    calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
    calendar.add(new Method(method));
    calendar.add(timeZone);
    calendar.add(event);
    return calendar.toString();
  }
}
