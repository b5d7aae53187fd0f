package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Test;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Move;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Movement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** § 15, § 16: the base P of every item is the members present for that item. */
class AttendanceTimelineTest {

  static final List<String> EIGHT = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");

  @Test
  void p15_aDepartureBeforeAnItemCountsFromThatItemOn() {
    AttendanceTimeline t = AttendanceTimeline.of(EIGHT, List.of(new Movement("m8", 2, Move.LEFT)));
    assertThat(t.presentFor(1)).hasSize(8);
    assertThat(t.presentFor(2)).hasSize(7).doesNotContain("m8");
    assertThat(t.presentFor(3)).hasSize(7);
  }

  @Test
  void p15_aLateArrivalRestoresTheQuorumForTheItemsAfterIt() {
    AttendanceTimeline t = AttendanceTimeline.of(EIGHT, List.of(new Movement("m8", 2, Move.LEFT),
        new Movement("m9", 3, Move.ARRIVED)));
    assertThat(Quorum.check(t.presentFor(2).size(), 15).quorate()).isFalse();
    assertThat(Quorum.check(t.presentFor(3).size(), 15).quorate()).isTrue();
    assertThat(t.presentFor(3)).contains("m9").doesNotContain("m8");
  }

  @Test
  void p15_aMemberWhoLeftAndReturnedIsPresentAgainFromTheReturn() {
    AttendanceTimeline t = AttendanceTimeline.of(EIGHT, List.of(new Movement("m1", 3, Move.ARRIVED),
        new Movement("m1", 2, Move.LEFT)));
    assertThat(t.presentFor(1)).contains("m1");
    assertThat(t.presentFor(2)).doesNotContain("m1");
    assertThat(t.presentFor(3)).contains("m1");
  }

  @Test
  void p15_onlyAnAbsentMemberCanArriveAndOnlyAPresentOneCanLeave() {
    AttendanceTimeline t = AttendanceTimeline.of(EIGHT, List.of(new Movement("m8", 2, Move.LEFT)));
    Map<String, String> names = Map.of("m1", "Соколов А. В.", "m8", "Орлов И. И.");
    assertThat(t.check(2, List.of("m1"), List.of(), names)).singleElement().asString()
        .contains("«Соколов А. В.» уже присутствует", "п. 15");
    assertThat(t.check(3, List.of(), List.of("m8"), names)).singleElement().asString()
        .contains("«Орлов И. И.» не присутствует", "п. 15");
    assertThat(t.check(3, List.of("m8"), List.of("m1"), names)).isEmpty();
    assertThat(t.check(3, List.of("m9"), List.of("m9"), names)).singleElement().asString()
        .contains("одновременно");
  }

  @Test
  void p16_theBaseOfTheItemIncludesTheChangesRecordedBeforeIt() {
    AttendanceTimeline t = AttendanceTimeline.of(EIGHT, List.of()).with(2, List.of("m9", "m10"), List.of("m1"));
    assertThat(t.presentFor(1)).hasSize(8);
    assertThat(t.presentFor(2)).hasSize(9).contains("m9", "m10").doesNotContain("m1");
    assertThat(t.before(2)).hasSize(3);
  }
}
