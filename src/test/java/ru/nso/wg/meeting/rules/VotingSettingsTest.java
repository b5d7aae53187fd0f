package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import ru.nso.wg.meeting.VotingProperties;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VotingSettingsTest {

  @Test
  void defaultsAreTheReadingOfTheRegulation() {
    assertThat(VotingSettings.defaults())
        .isEqualTo(new VotingSettings(QuorumRule.AT_LEAST_HALF, MajorityBase.PRESENT, TieBreak.PRESIDING));
  }

  @Test
  void withersChangeOneSetting() {
    VotingSettings changed = VotingSettings.defaults()
        .withQuorumRule(QuorumRule.AT_LEAST_TWO_THIRDS)
        .withMajorityBase(MajorityBase.VOTES_CAST)
        .withTieBreak(TieBreak.NONE);

    assertThat(changed)
        .isEqualTo(new VotingSettings(QuorumRule.AT_LEAST_TWO_THIRDS, MajorityBase.VOTES_CAST, TieBreak.NONE));
  }

  @Test
  void everySettingIsRequired() {
    assertThatThrownBy(() -> new VotingSettings(null, MajorityBase.PRESENT, TieBreak.NONE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new VotingSettings(QuorumRule.AT_LEAST_HALF, null, TieBreak.NONE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new VotingSettings(QuorumRule.AT_LEAST_HALF, MajorityBase.PRESENT, null))
        .isInstanceOf(NullPointerException.class);
  }

  /** The Spring binding of {@code wg.voting.*} (no application context needed). */
  private static VotingProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("wg.voting", VotingProperties.class);
  }

  @Test
  void propertiesDefaultToTheRegulation() {
    assertThat(bind(Map.of()).settings()).isEqualTo(VotingSettings.defaults());
  }

  @Test
  void propertiesBindKebabCaseValues() {
    VotingProperties properties = bind(Map.of(
        "wg.voting.quorum-rule", "more-than-half",
        "wg.voting.majority-base", "votes-cast",
        "wg.voting.tie-break", "none"));

    assertThat(properties.settings())
        .isEqualTo(new VotingSettings(QuorumRule.MORE_THAN_HALF, MajorityBase.VOTES_CAST, TieBreak.NONE));
  }

  @Test
  void propertiesBindOneSettingAndKeepTheOtherDefaults() {
    assertThat(bind(Map.of("wg.voting.quorum-rule", "AT_LEAST_TWO_THIRDS")).settings())
        .isEqualTo(VotingSettings.defaults().withQuorumRule(QuorumRule.AT_LEAST_TWO_THIRDS));
  }
}
