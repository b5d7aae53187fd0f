package ru.nso.wg.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import ru.nso.wg.meeting.rules.MajorityBase;
import ru.nso.wg.meeting.rules.QuorumRule;
import ru.nso.wg.meeting.rules.TieBreak;
import ru.nso.wg.meeting.rules.VotingSettings;

/**
 * The readings of § 15–16 in force, from configuration ({@code wg.voting.*}, or the environment variables
 * {@code WG_VOTING_QUORUM_RULE}, {@code WG_VOTING_MAJORITY_BASE}, {@code WG_VOTING_TIE_BREAK}). The defaults
 * are the working group's regulation; other values exist for collegial bodies whose regulations say otherwise.
 *
 * <pre>
 * wg:
 *   voting:
 *     quorum-rule: at-least-half      # at-least-half | more-than-half | at-least-two-thirds
 *     majority-base: present          # present | votes-cast
 *     tie-break: presiding            # presiding | none
 * </pre>
 */
@ConfigurationProperties(prefix = "wg.voting")
public record VotingProperties(
    @DefaultValue("AT_LEAST_HALF") QuorumRule quorumRule,
    @DefaultValue("PRESENT") MajorityBase majorityBase,
    @DefaultValue("PRESIDING") TieBreak tieBreak) {

  /** The settings the rules are applied with. */
  public VotingSettings settings() {
    return new VotingSettings(quorumRule, majorityBase, tieBreak);
  }
}
