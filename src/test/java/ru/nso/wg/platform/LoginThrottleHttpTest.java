package ru.nso.wg.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords slow down whoever tries them, with a delay that grows, and never lock an account for good: not
 * Camunda's lock after {@code loginMaxAttempts} (off), and an administrator is never slowed down by attempts on his
 * account (issue 11, point 4). Short delays here, so the test can wait them out.
 */
@SpringBootTest(classes = WgMeetingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"wg.login-throttle.account-free-attempts=3", "wg.login-throttle.base-delay=PT1S",
        "wg.login-throttle.max-delay=PT2S"})
@ActiveProfiles("test")
class LoginThrottleHttpTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;
  IdentityService identity;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    identity = engine.getIdentityService();
  }

  @Test
  void wrongPasswordsAreRefusedWithAGrowingDelayThenTheRightOneWorks() throws InterruptedException {
    Login wrong = new Login("orlov", "not-demo");
    Login right = new Login("orlov", "demo");
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/engine-rest/task", wrong).status()).isEqualTo(401);
    }
    Response refused = http.get("/engine-rest/task", wrong);
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.json().path("message").asText()).contains("Слишком много неудачных попыток входа");
    // while the delay runs, not even the right password is tried: on /api neither
    assertThat(http.get("/engine-rest/task", right).status()).isEqualTo(429);
    assertThat(http.get("/api/calendar/2026", right).status()).isEqualTo(429);

    Thread.sleep(1100);
    assertThat(http.get("/api/calendar/2026", wrong).status()).isEqualTo(401);
    Response longer = http.get("/engine-rest/task", right);
    assertThat(longer.status()).isEqualTo(429);
    assertThat(longer.headers().firstValue("Retry-After")).hasValue("2");

    Thread.sleep(2100);
    assertThat(http.get("/engine-rest/task", right).status()).isEqualTo(200);
    // a success starts the account afresh
    assertThat(http.get("/engine-rest/task", wrong).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", right).status()).isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledToo() {
    for (int i = 0; i < 3; i++) {
      assertThat(webappLogin("bogdanova", "not-demo").status()).isEqualTo(401);
    }
    Response refused = webappLogin("bogdanova", "demo");
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void anAdministratorIsNeverLockedFromOutsideNorIsAnyoneByCamunda() {
    Login wrong = new Login("admin", "not-admin");
    for (int i = 0; i < 12; i++) {
      assertThat(http.get("/engine-rest/task", wrong).status()).isEqualTo(401);
    }
    assertThat(http.get("/engine-rest/task", new Login("admin", "admin")).status()).isEqualTo(200);

    // Camunda's own lock (loginMaxAttempts) and its delay are off: the throttle above is the only brake
    for (int i = 0; i < 12; i++) {
      assertThat(identity.checkPassword("kiseleva", "not-demo")).isFalse();
    }
    assertThat(identity.checkPassword("kiseleva", "demo")).isTrue();
    assertThat(identity.createUserQuery().userId("kiseleva").singleResult()).isNotNull();
  }

  private Response webappLogin(String user, String password) {
    Response welcome = http.get("/camunda/app/welcome/default/", null);
    String token = welcome.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookies = String.join("; ", welcome.setCookies().stream().map(c -> c.split(";", 2)[0]).toList());
    return http.send(http.request("/camunda/api/admin/auth/user/default/login/welcome", null)
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("Cookie", cookies)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
  }
}
