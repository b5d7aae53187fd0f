package ru.nso.wg.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile as {@code docker-compose.yml} runs it: PostgreSQL and the secrets from the environment
 * (here command-line arguments with the same names), no demo roster, the password policy on.
 */
class ProductionProfileOnPostgresTest {

  private static final Login ADMIN = new Login("wg-admin", "Adm1n-" + UUID.randomUUID());
  private static PostgresTestSupport.Database database;
  private static ConfigurableApplicationContext context;
  private static ProcessEngine engine;
  private static Http http;

  @BeforeAll
  static void startInProd() {
    database = PostgresTestSupport.newDatabase();
    context = new SpringApplicationBuilder(WgMeetingsApplication.class).profiles("prod").run(
        "--DB_URL=" + database.url(),
        "--DB_USER=" + database.username(),
        "--DB_PASSWORD=" + database.password(),
        "--ADMIN_USER=" + ADMIN.user(),
        "--ADMIN_PASSWORD=" + ADMIN.password(),
        "--WG_LINK_SECRET=" + UUID.randomUUID() + UUID.randomUUID(),
        "--SERVER_ADDRESS=127.0.0.1",
        "--server.port=0",
        "--WG_CALENDAR_DIR=target/prod-test-calendar");
    engine = context.getBean(ProcessEngine.class);
    http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void runsOnPostgresWithTheAdministratorFromTheEnvironmentAndNoDemoRoster() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
    IdentityService identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId).containsExactly(ADMIN.user());
    assertThat(identity.checkPassword(ADMIN.user(), ADMIN.password())).isTrue();
    // The roster's groups exist for the administrator to fill; no demo person does.
    assertThat(identity.createGroupQuery().groupIdIn("wg-chair", "wg-deputy-chairs", "wg-members", "wg-secretariat",
        "wg-info-policy").count()).isEqualTo(5);
    assertThat(identity.createUserQuery().userIdIn("sokolov", "vasiliev", "smirnova").count()).isZero();
  }

  @Test
  void thePasswordPolicyRefusesWeakPasswords() {
    User user = engine.getIdentityService().newUser("weak-password");
    user.setPassword("demo");

    assertThatThrownBy(() -> engine.getIdentityService().saveUser(user)).isInstanceOf(ProcessEngineException.class);
    assertThat(engine.getIdentityService().createUserQuery().userId("weak-password").count()).isZero();
  }

  @Test
  void healthIsUpAndShowsNoSecret() {
    Response anonymous = http.get("/actuator/health", null);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().toString()).isEqualTo("{\"status\":\"UP\"}");
    Response health = http.get("/actuator/health", ADMIN);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    assertThat(health.json().at("/components/processEngine/status").asText()).isEqualTo("UP");
    assertThat(health.body()).doesNotContain(database.password()).doesNotContain(ADMIN.password())
        .doesNotContain(database.url());
  }

  @Test
  void restApiTakesTheAdministratorAndSessionCookiesAreSecure() {
    assertThat(http.get("/engine-rest/process-definition", ADMIN).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition", null).status()).isEqualTo(401);

    List<String> sessionCookies = http.webappLogin(ADMIN.user(), ADMIN.password()).stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
    assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure"));
  }
}
