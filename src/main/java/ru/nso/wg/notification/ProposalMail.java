package ru.nso.wg.notification;

import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages about proposals for the agenda ({@code meeting/AgendaProposals}): the proposer told of a rejection and
 * its reason; members told, when a meeting is confirmed, until when proposals for its agenda are taken. Sent through
 * {@link Delivery}: a retried job sends nobody a message twice.
 */
@Service
public class ProposalMail {

  /** Message kind of the rejection, filed under the key {@link #proposalKey}. */
  public static final String REJECTED = "proposal-rejected";

  private final AgendaProposals proposals;
  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final MeetingDeadlines deadlines;
  private final ProductionCalendar calendar;
  private final IdentityDirectory directory;
  private final Delivery delivery;
  private final MailTemplates templates;
  private final MailSettings settings;

  public ProposalMail(AgendaProposals proposals, MeetingRecord record, MeetingScheduling scheduling,
                      MeetingDeadlines deadlines, ProductionCalendar calendar, IdentityDirectory directory,
                      Delivery delivery, MailTemplates templates, MailSettings settings) {
    this.proposals = proposals;
    this.record = record;
    this.scheduling = scheduling;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.directory = directory;
    this.delivery = delivery;
    this.templates = templates;
    this.settings = settings;
  }

  /** The delivery log's key of the messages about proposal {@code id}. */
  public static String proposalKey(long id) {
    return "proposal-" + id;
  }

  /** The kind of the cut-off announcement for a cut-off date (a new date after a postponement is announced again). */
  public static String cutoffKind(LocalDate cutoff) {
    return "proposal-cutoff:" + cutoff;
  }

  /**
   * The proposer is told that the deputy chair rejected the proposal, with the reason. Nothing is sent for a proposal
   * that is not rejected.
   */
  public DeliveryResult rejected(long id) {
    Proposal p = proposals.get(id);
    String key = proposalKey(id);
    if (p.state() != AgendaProposals.State.REJECTED) {
      return new DeliveryResult(key, REJECTED, List.of(), List.of(), List.of());
    }
    List<Recipient> proposer = directory.user(p.proposedBy()).map(Recipient::of).stream().toList();
    return delivery.deliver(key, REJECTED, proposer, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("proposalNumber", p.id());
      values.put("proposalTitle", p.title());
      values.put("areaTitle", p.area().title());
      values.put("reviewerName", p.reviewedBy() == null ? "" : directory.userName(p.reviewedBy()));
      values.put("reason", p.remarks());
      values.put("link", settings.linkOrTasklist(""));
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render("proposal-rejected", values);
      return new OutgoingMail(key, REJECTED, r, rendered.subject(), rendered.text(), rendered.html(), null,
          List.of());
    });
  }

  /**
   * The meeting {@code key} is confirmed: every member (group {@code wg-members}) is told until when proposals for its
   * agenda are taken. When that day has already passed, nothing is sent; the meeting's record says so either way.
   *
   * @return the members the message could not reach, or {@code null}
   */
  public String announceCutoff(String key) {
    Meeting meeting = record.get(key);
    LocalDate meetingDate = RussianDates.localDate(meeting.start());
    LocalDate cutoff = proposals.cutoff(meetingDate);
    if (cutoff.isBefore(calendar.today())) {
      record.event(key, MeetingEventKind.PROPOSAL_CUTOFF, "Срок приёма предложений в повестку ("
          + RussianDates.date(cutoff) + ") истёк до подтверждения заседания: объявление не направлялось", null);
      return null;
    }
    String title = scheduling.title(key);
    String kind = cutoffKind(cutoff);
    List<Recipient> members = directory.members(RosterGroups.MEMBERS).stream().map(Recipient::of).toList();
    DeliveryResult result = delivery.deliver(key, kind, members, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("meetingTitle", title);
      values.put("meetingDate", RussianDates.date(meetingDate));
      values.put("cutoffDate", RussianDates.date(cutoff));
      values.put("agendaDeadline", RussianDates.date(deadlines.deadline(DeadlineKind.AGENDA_TO_CHAIR, meetingDate)
          .date()));
      values.put("link", settings.linkOrTasklist(""));
      values.put("senderName", settings.fromName());
      Rendered rendered = templates.render("proposal-cutoff", values);
      return new OutgoingMail(key, kind, r, rendered.subject(), rendered.text(), rendered.html(), null, List.of());
    });
    record.event(key, MeetingEventKind.PROPOSAL_CUTOFF, "Объявлен срок приёма предложений в повестку: до "
        + RussianDates.date(cutoff) + " включительно", null);
    if (!result.hasGaps()) {
      return null;
    }
    String gaps = "Объявление о сроке приёма предложений: не доставлено — " + String.join("; ", result.gapTexts());
    scheduling.deliveryGaps(key, gaps);
    return gaps;
  }
}
