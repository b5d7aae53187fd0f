package ru.nso.wg.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ru.nso.wg.common.Refusal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalMessageFilterTest {

  private static final String REFUSAL = "Васильев Павел Андреевич отмечен(а) одновременно очно и по ВКС";

  /** What the engine REST API answers when a task listener throws (the text Tasklist used to show). */
  private static final String WRAPPED = "{\"type\":\"RestException\","
      + "\"message\":\"Cannot submit task form 4f2: ENGINE-03051 "
      + "There was an exception while invoking the TaskListener. Message: 'Exception while invoking TaskListener: "
      + REFUSAL + "'\",\"code\":0}";

  private final RefusalMessageFilter filter = new RefusalMessageFilter();

  private static HttpServlet engine(boolean refuse, int status, String body) {
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (refuse) {
          failEngineCommand(); // raised (and wrapped by the engine) while the request runs
        }
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        resp.flushBuffer();
      }
    };
  }

  /** An engine command whose task listener refused, as the engine reports it: wrapped in its own exception. */
  private static void failEngineCommand() {
    RefusalInterceptor interceptor = new RefusalInterceptor();
    interceptor.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        throw new ProcessEngineException("Exception while invoking TaskListener: " + REFUSAL, new Refusal(REFUSAL));
      }
    });
    try {
      interceptor.execute(context -> null);
    } catch (ProcessEngineException expected) {
      // the engine REST API turns it into the error answer
    }
  }

  private MockHttpServletResponse post(String uri, HttpServlet engine) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain(engine));
    return response;
  }

  @Test
  void aRefusedTaskFormShowsOnlyTheRefusal() throws Exception {
    MockHttpServletResponse response = post("/camunda/api/engine/engine/default/task/4f2/submit-form",
        engine(true, 500, WRAPPED));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"Refusal\",\"message\":\"" + REFUSAL + "\",\"code\":0}");
  }

  @Test
  void otherErrorsAndSuccessesPassUnchanged() throws Exception {
    // an error that is not the refusal raised
    String other = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 4f2: task is suspended\"}";
    assertThat(post("/engine-rest/task/4f2/submit-form", engine(true, 500, other))
            .getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(other);
    // an error without a refusal
    assertThat(post("/engine-rest/task/4f2/complete", engine(false, 500, WRAPPED))
            .getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(WRAPPED);
    // success
    assertThat(post("/engine-rest/process-definition/x/start", engine(true, 200, "{\"id\":\"1\"}"))
        .getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\"}");
    // not a submission
    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/engine-rest/task/4f2/form-variables");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(get, response, new MockFilterChain(engine(true, 500, WRAPPED)));
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(WRAPPED);
  }

  @Test
  void aRefusalOutsideACapturedRequestIsNotRemembered() throws Exception {
    failEngineCommand(); // e.g. in a job executor thread: nothing is captured
    assertThat(post("/engine-rest/task/4f2/complete", engine(false, 500, WRAPPED))
            .getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(WRAPPED);
  }

  @Test
  void aRefusalAnswersWithTheStatusOfItsKindOnEveryStateChangingRequest() throws Exception {
    MockHttpServletRequest put = new MockHttpServletRequest("PUT", "/engine-rest/task/4f2/variables/x");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(put, response, new MockFilterChain(engine(true, 500, WRAPPED)));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(RefusalMessageFilter.status(Refusal.conflict("x"))).isEqualTo(409);
    assertThat(RefusalMessageFilter.status(new Refusal(Refusal.Kind.UNPROCESSABLE, "x"))).isEqualTo(422);
    // never 401: Tasklist would take it for an ended session
    assertThat(RefusalMessageFilter.status(new Refusal(Refusal.Kind.UNAUTHENTICATED, "x"))).isEqualTo(403);
  }

  @Test
  void aServerErrorNeverShowsTheSqlStatement() throws Exception {
    String sql = "{\"type\":\"ProcessEngineException\",\"message\":\"Cannot submit task form 4f2: "
        + "org.h2.jdbc.JdbcSQLDataException: Value too long for column PLACE CHARACTER VARYING(500): "
        + "SQL statement: UPDATE wg_meeting SET place = ? WHERE business_key = ?\"}";
    MockHttpServletResponse response = post("/engine-rest/task/4f2/submit-form", engine(false, 500, sql));
    assertThat(response.getStatus()).isEqualTo(500);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("wg_meeting").doesNotContain("SQL").contains(RefusalMessageFilter.SERVER_ERROR);
  }
}
