package ru.nso.wg.common;

import org.junit.jupiter.api.Test;
import ru.nso.wg.common.LinkTokens.Claims;
import ru.nso.wg.common.LinkTokens.InvalidToken;
import ru.nso.wg.common.LinkTokens.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkTokensTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  private static final Instant START = Instant.parse("2026-12-16T07:30:00Z");
  private static final Instant BEFORE = START.minusSeconds(3600);
  private final LinkTokens tokens = new LinkTokens(SECRET);
  private final String token = tokens.issue(new Claims("reply", "2026-1", "vasiliev", START));

  @Test
  void aGenuineTokenForItsOwnPurposeMeetingAndPersonIsAcceptedUntilItExpires() {
    Claims claims = tokens.verify(token, "reply", "2026-1", "vasiliev", BEFORE);
    assertThat(claims).isEqualTo(new Claims("reply", "2026-1", "vasiliev", START));
    assertThat(tokens.verify(token, "reply", "2026-1", "vasiliev", START.minusSeconds(1))).isEqualTo(claims);
  }

  @Test
  void theSameValuesGiveTheSameTokenSoARetriedMailCarriesTheSameLink() {
    assertThat(tokens.issue(new Claims("reply", "2026-1", "vasiliev", START))).isEqualTo(token);
    assertThat(tokens.issue(new Claims("reply", "2026-1", "novikova", START))).isNotEqualTo(token);
  }

  @Test
  void aTokenIsRefusedAtItsExpiryAndAfter() {
    assertProblem(() -> tokens.verify(token, "reply", "2026-1", "vasiliev", START), Problem.EXPIRED);
    assertProblem(() -> tokens.verify(token, "reply", "2026-1", "vasiliev", START.plusSeconds(86400)),
        Problem.EXPIRED);
  }

  @Test
  void someoneElsesTokenAnotherMeetingsOrAnotherPurposesIsForeign() {
    assertProblem(() -> tokens.verify(token, "reply", "2026-1", "novikova", BEFORE), Problem.FOREIGN);
    assertProblem(() -> tokens.verify(token, "reply", "2026-2", "vasiliev", BEFORE), Problem.FOREIGN);
    assertProblem(() -> tokens.verify(token, "materials", "2026-1", "vasiliev", BEFORE), Problem.FOREIGN);
  }

  @Test
  void aChangedPayloadOrSignatureOrAnotherKeyIsForged() {
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String otherPerson = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("vasiliev", "novikova")
            .getBytes(StandardCharsets.UTF_8));
    assertProblem(() -> tokens.verify(otherPerson + "." + signature, "reply", "2026-1", "novikova", BEFORE),
        Problem.FORGED);
    String laterExpiry = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
            .replace(Long.toString(START.getEpochSecond()), Long.toString(START.getEpochSecond() + 86400))
            .getBytes(StandardCharsets.UTF_8));
    assertProblem(() -> tokens.verify(laterExpiry + "." + signature, "reply", "2026-1", "vasiliev", START),
        Problem.FORGED);
    char last = signature.charAt(signature.length() - 2);
    String flipped = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
        + signature.charAt(signature.length() - 1);
    assertProblem(() -> tokens.verify(payload + "." + flipped, "reply", "2026-1", "vasiliev", BEFORE),
        Problem.FORGED);
    LinkTokens otherKey = new LinkTokens("another-installation-key-0123456789abcdef");
    assertProblem(() -> otherKey.verify(token, "reply", "2026-1", "vasiliev", BEFORE), Problem.FORGED);
  }

  @Test
  void garbageIsMalformedAndNeverDecodedBeyondItsLength() {
    for (String garbage : new String[] {"", "abc", "a.b.c", ".x", "%%%.%%%", "x".repeat(5000)}) {
      assertProblem(() -> tokens.verify(garbage, "reply", "2026-1", "vasiliev", BEFORE), Problem.MALFORMED);
    }
    assertProblem(() -> tokens.verify(null, "reply", "2026-1", "vasiliev", BEFORE), Problem.MALFORMED);
  }

  @Test
  void aShortKeyAndAMultiLineValueAreRefusedWhenIssuing() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LinkTokens("short"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Claims("reply", "2026-1", "a\nb", START));
  }

  @Test
  void theIdOfAUsedTokenIsItsSha256NotTheTokenItself() {
    assertThat(LinkTokens.id(token)).hasSize(64).doesNotContain(token).isEqualTo(LinkTokens.id(token));
    assertThat(LinkTokens.id(token + "x")).isNotEqualTo(LinkTokens.id(token));
  }

  private static void assertProblem(Runnable call, Problem problem) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidToken.class,
        e -> assertThat(e.problem()).isEqualTo(problem));
  }
}
