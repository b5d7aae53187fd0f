package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuorumTest {

  @Nested
  class AtLeastHalfIsTheDefault {

    @ParameterizedTest(name = "P={0} of T={1} → quorate {2}")
    @CsvSource({
        "7, 15, false",
        "8, 15, true",
        "15, 15, true",
        "0, 15, false",
        "6, 14, false",
        "7, 14, true",
        "1, 1, true",
        "0, 1, false",
        "1, 2, true",
        "0, 2, false",
    })
    void isQuorateWhenTwicePresentReachesTotal(int present, int total, boolean quorate) {
      Quorum quorum = Quorum.check(present, total);

      assertThat(quorum.quorate()).isEqualTo(quorate);
      assertThat(quorum.present()).isEqualTo(present);
      assertThat(quorum.total()).isEqualTo(total);
      assertThat(quorum.rule()).isEqualTo(QuorumRule.AT_LEAST_HALF);
    }

    @Test
    void needsEightOfFifteenAndSevenOfFourteen() {
      assertThat(Quorum.check(0, 15).needed()).isEqualTo(8);
      assertThat(Quorum.check(0, 14).needed()).isEqualTo(7);
    }

    @Test
    void defaultSettingsUseIt() {
      assertThat(Quorum.check(7, 14, VotingSettings.defaults())).isEqualTo(Quorum.check(7, 14));
    }
  }

  @ParameterizedTest(name = "{0}: P={1} of T={2} → quorate {3}, needed {4}")
  @CsvSource({
      "AT_LEAST_HALF,       7, 15, false, 8",
      "AT_LEAST_HALF,       8, 15, true,  8",
      "AT_LEAST_HALF,       7, 14, true,  7",
      "MORE_THAN_HALF,      7, 14, false, 8",
      "MORE_THAN_HALF,      8, 14, true,  8",
      "MORE_THAN_HALF,      7, 15, false, 8",
      "MORE_THAN_HALF,      8, 15, true,  8",
      "AT_LEAST_TWO_THIRDS, 9, 15, false, 10",
      "AT_LEAST_TWO_THIRDS, 10, 15, true, 10",
      "AT_LEAST_TWO_THIRDS, 9, 14, false, 10",
      "AT_LEAST_TWO_THIRDS, 10, 14, true, 10",
      "AT_LEAST_TWO_THIRDS, 2, 3, true,   2",
      "AT_LEAST_TWO_THIRDS, 1, 3, false,  2",
  })
  void eachRuleAtItsBoundary(QuorumRule rule, int present, int total, boolean quorate, int needed) {
    Quorum quorum = Quorum.check(present, total, rule);

    assertThat(quorum.quorate()).isEqualTo(quorate);
    assertThat(quorum.needed()).isEqualTo(needed);
  }

  @ParameterizedTest
  @EnumSource(QuorumRule.class)
  void neededIsTheLeastQuorateAttendanceForEveryRosterSize(QuorumRule rule) {
    for (int total = 1; total <= 100; total++) {
      int t = total;
      int smallestQuorate = IntStream.rangeClosed(0, t).filter(p -> rule.isQuorate(p, t)).findFirst().orElseThrow();
      assertThat(rule.needed(t)).as("needed for T=%d", t).isEqualTo(smallestQuorate);
      assertThat(IntStream.rangeClosed(0, t).allMatch(p -> rule.isQuorate(p, t) == (p >= smallestQuorate)))
          .as("quorate is monotonic in P for T=%d", t).isTrue();
    }
  }

  @Test
  void integerArithmeticDoesNotOverflowForHugeRosters() {
    assertThat(Quorum.check(Integer.MAX_VALUE / 2 + 1, Integer.MAX_VALUE).quorate()).isTrue();
    assertThat(Quorum.check(Integer.MAX_VALUE / 2, Integer.MAX_VALUE).quorate()).isFalse();
    assertThat(QuorumRule.AT_LEAST_TWO_THIRDS.isQuorate(Integer.MAX_VALUE, Integer.MAX_VALUE)).isTrue();
  }

  @Nested
  class MinutesText {

    @Test
    void quorateMeeting() {
      assertThat(Quorum.check(9, 15).minutesText())
          .isEqualTo("Заседание правомочно: присутствуют 9 из 15 членов (не менее половины, п. 15 Положения)");
    }

    @Test
    void meetingWithoutQuorumSaysHowManyAreNeeded() {
      assertThat(Quorum.check(7, 15).minutesText())
          .isEqualTo("Заседание неправомочно: присутствуют 7 из 15 членов, требуется не менее 8 "
              + "(не менее половины, п. 15 Положения)");
    }

    @Test
    void namesTheRuleInForce() {
      assertThat(Quorum.check(8, 15, QuorumRule.MORE_THAN_HALF).minutesText()).contains("(более половины, п. 15");
      assertThat(Quorum.check(10, 15, QuorumRule.AT_LEAST_TWO_THIRDS).minutesText())
          .contains("(не менее двух третей, п. 15");
    }

    @Test
    void agreesWithTheNumbers() {
      assertThat(Quorum.check(11, 21).minutesText()).startsWith("Заседание правомочно: присутствуют 11 из 21 члена ");
      assertThat(Quorum.check(21, 31).minutesText()).startsWith("Заседание правомочно: присутствует 21 из 31 члена ");
      assertThat(Quorum.check(1, 1).minutesText()).startsWith("Заседание правомочно: присутствует 1 из 1 члена ");
      assertThat(Quorum.check(2, 2).minutesText()).startsWith("Заседание правомочно: присутствуют 2 из 2 членов ");
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "P={0}, T={1}")
    @CsvSource({"0, 0", "1, 0", "0, -3"})
    void rosterMustNotBeEmpty(int present, int total) {
      assertThatThrownBy(() -> Quorum.check(present, total))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
              .contains("Число членов Рабочей группы должно быть больше нуля (указано " + total + ")"));
    }

    @Test
    void presentMustNotBeNegative() {
      assertThatThrownBy(() -> Quorum.check(-1, 15))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
              .containsExactly("Число присутствующих не может быть отрицательным (указано -1)"));
    }

    @Test
    void presentMustNotExceedTheRoster() {
      assertThatThrownBy(() -> Quorum.check(16, 15))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
              .containsExactly("Присутствующих (16) больше, чем членов Рабочей группы (15)"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
      assertThatThrownBy(() -> Quorum.check(-1, 0))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.violations()).hasSize(2);
            assertThat(e.getMessage()).isEqualTo(String.join("; ", e.violations()));
          });
    }

    @Test
    void canonicalConstructorRefusesInconsistentValues() {
      assertThatThrownBy(() -> new Quorum(7, 15, 8, true, QuorumRule.AT_LEAST_HALF))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(new Quorum(8, 15, 8, true, QuorumRule.AT_LEAST_HALF)).isEqualTo(Quorum.check(8, 15));
    }
  }
}
