package ru.nso.wg.materials;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.nso.wg.common.Refusal;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outside speakers' upload links (MaterialLinks), on an in-memory H2 with the application's migrations. */
class MaterialLinksTest {

  static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
  static final Instant DUE = Instant.parse("2026-12-07T11:00:00Z");

  JdbcTemplate jdbc;
  MaterialLinks links;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:links-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("wg_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    links = new MaterialLinks(jdbc);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aLinkResolvesToItsOneMeetingItemAndAddressAndMayBeUsedAgainUntilItExpires() {
    String token = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    MaterialLinks.Scope scope = links.resolve(token);
    assertThat(scope.meetingKey()).isEqualTo("2026-5");
    assertThat(scope.itemNo()).isEqualTo(2);
    assertThat(scope.email()).isEqualTo("ivanov@example.org");
    assertThat(links.resolve(token)).isEqualTo(scope);
  }

  @Test
  void onlyTheHashOfTheTokenIsStored() {
    String token = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    String stored = jdbc.queryForObject("SELECT token_sha256 FROM wg_material_link", String.class);
    assertThat(stored).isEqualTo(MaterialLinks.hash(token)).isNotEqualTo(token).hasSize(64);
    assertThat(jdbc.queryForList("SELECT * FROM wg_material_link").toString()).doesNotContain(token);
  }

  @Test
  void anUnknownOrAlteredTokenIsNotFoundAndRevealsNothing() {
    String token = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    String altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
    for (String bad : new String[] {altered, token + "x", "", "../../etc", null}) {
      assertThatThrownBy(() -> links.resolve(bad)).isInstanceOfSatisfying(Refusal.class, r -> {
        assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(r.getMessage()).startsWith("Ссылка недействительна").doesNotContain("2026-5");
      });
    }
  }

  @Test
  void aLinkExpiresAtTheDeadlineItself() {
    String token = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(1)));
    assertThat(links.resolve(token).itemNo()).isEqualTo(2);
    ClockUtil.setCurrentTime(Date.from(DUE));
    assertThatThrownBy(() -> links.resolve(token)).isInstanceOfSatisfying(Refusal.class,
        r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN)).hasMessageContaining("Срок действия ссылки истёк");
  }

  @Test
  void aNewLinkForTheItemRevokesTheEarlierOneButNotThoseOfOtherItems() {
    String first = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    String other = links.issue("2026-5", 3, "petrov@example.org", DUE);
    String second = links.issue("2026-5", 2, "ivanov@example.org", DUE);
    assertThatThrownBy(() -> links.resolve(first)).isInstanceOf(Refusal.class).hasMessageContaining("отозвана");
    assertThat(links.resolve(second).itemNo()).isEqualTo(2);
    assertThat(links.resolve(other).itemNo()).isEqualTo(3);
    links.revoke("2026-5", 3);
    assertThatThrownBy(() -> links.resolve(other)).isInstanceOf(Refusal.class).hasMessageContaining("отозвана");
  }

  @Test
  void tokensAreNotRepeated() {
    String a = links.issue("2026-5", 1, "a@example.org", DUE);
    String b = links.issue("2026-5", 2, "a@example.org", DUE);
    assertThat(a).isNotEqualTo(b);
  }
}
