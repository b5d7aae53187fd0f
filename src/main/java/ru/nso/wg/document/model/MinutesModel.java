package ru.nso.wg.document.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the minutes (протокол заседания, § 18) print.
 *
 * @param meeting            the meeting (number, date, format, presiding person, agenda, invitees)
 * @param presentMembers     members present, in person or by ВКС (§ 11)
 * @param absentMembers      members of the roster who were absent
 * @param quorate            the quorum as the process decided it (§ 15, with its configured reading);
 *                           {@code null} means the default reading, 2 × present ≥ roster
 * @param presentInvitees    invitees who attended
 * @param audioRecording     reference to the audio recording (§ 18), may be empty
 * @param items              the items as discussed and decided
 * @param dissentingOpinions dissenting opinions (§ 17), attached as an appendix
 * @param secretary          the secretary of the meeting (signature block); may be {@code null}
 * @param minutesDate        the date of the minutes; {@code null} means the meeting date
 * @param presidingText      who presided over which items when that changed during the meeting (§ 10), e.g.
 *                           «С.А. Соколов (вопросы 1–2), О.Н. Лебедева (вопросы 3–4) по поручению председателя
 *                           Рабочей группы (п. 10 Положения)»; empty when one person presided throughout
 */
public record MinutesModel(
    MeetingInfo meeting,
    List<Participant> presentMembers,
    List<Participant> absentMembers,
    Boolean quorate,
    List<Invitee> presentInvitees,
    String audioRecording,
    List<ItemMinutes> items,
    List<DissentingOpinion> dissentingOpinions,
    Signatory secretary,
    LocalDate minutesDate,
    String presidingText) {

  public MinutesModel {
    Objects.requireNonNull(meeting, "meeting");
    presentMembers = presentMembers == null ? List.of() : List.copyOf(presentMembers);
    absentMembers = absentMembers == null ? List.of() : List.copyOf(absentMembers);
    presentInvitees = presentInvitees == null ? List.of() : List.copyOf(presentInvitees);
    audioRecording = audioRecording == null ? "" : audioRecording;
    items = items == null ? List.of() : List.copyOf(items);
    dissentingOpinions = dissentingOpinions == null ? List.of() : List.copyOf(dissentingOpinions);
    minutesDate = minutesDate == null ? meeting.start().toLocalDate() : minutesDate;
    presidingText = presidingText == null ? "" : presidingText;
  }

  /** Minutes of a meeting presided over by one person throughout. */
  public MinutesModel(MeetingInfo meeting, List<Participant> presentMembers, List<Participant> absentMembers,
                      Boolean quorate, List<Invitee> presentInvitees, String audioRecording, List<ItemMinutes> items,
                      List<DissentingOpinion> dissentingOpinions, Signatory secretary, LocalDate minutesDate) {
    this(meeting, presentMembers, absentMembers, quorate, presentInvitees, audioRecording, items,
        dissentingOpinions, secretary, minutesDate, "");
  }

  /** Size of the roster (T of § 15): present + absent members. */
  public int rosterSize() {
    return presentMembers.size() + absentMembers.size();
  }

  /** The same minutes with only {@code opinions} as dissenting opinions (an edition made before later ones came). */
  public MinutesModel withDissentingOpinions(List<DissentingOpinion> opinions) {
    return new MinutesModel(meeting, presentMembers, absentMembers, quorate, presentInvitees, audioRecording, items,
        opinions, secretary, minutesDate, presidingText);
  }

  /** The same minutes without the items numbered in {@code numbers} (the public version leaves them out, § 19). */
  public MinutesModel withoutItems(Set<Integer> numbers) {
    return new MinutesModel(meeting, presentMembers, absentMembers, quorate, presentInvitees, audioRecording,
        items.stream().filter(i -> !numbers.contains(i.number())).toList(), dissentingOpinions, secretary,
        minutesDate, presidingText);
  }

  /** The quorum as given, or § 15 with the default reading: 2 × present ≥ roster. */
  public boolean isQuorate() {
    if (quorate != null) {
      return quorate;
    }
    return rosterSize() > 0 && 2 * presentMembers.size() >= rosterSize();
  }
}
