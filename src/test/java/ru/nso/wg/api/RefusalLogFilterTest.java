package ru.nso.wg.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import ru.nso.wg.common.Refusal;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final RefusalLogFilter filter = new RefusalLogFilter();

  private static String trace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void aRefusalIsDroppedWhereverTheEngineOrTheRestApiLogsIt() {
    Throwable wrapped = new ProcessEngineException("ENGINE-03051 …", new Refusal("Укажите причину"));
    Logger engine = context.getLogger("org.camunda.bpm.engine.context");
    Logger rest = context.getLogger("org.camunda.bpm.engine.rest.exception");
    // the command context passes the exception as the last argument
    assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {"x", wrapped}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "x", null, wrapped)).isEqualTo(FilterReply.DENY);
    // the REST API's exception logger writes the stack trace as its message
    assertThat(filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP500 " + trace(wrapped), new Object[0], null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP500 {}", new Object[] {trace(wrapped)}, null))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void everyOtherErrorKeepsItsStackTrace() {
    Throwable real = new ProcessEngineException("ENGINE-03051 …", new IllegalStateException("boom"));
    Logger engine = context.getLogger("org.camunda.bpm.engine.context");
    Logger rest = context.getLogger("org.camunda.bpm.engine.rest.exception");
    assertThat(filter.decide(null, engine, Level.ERROR, "x", null, real)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP500 " + trace(real), new Object[0], null))
        .isEqualTo(FilterReply.NEUTRAL);
    // an application logger's text that merely names the class is not a refusal's trace
    assertThat(filter.decide(null, context.getLogger("ru.nso.wg.x"), Level.WARN, "{}",
        new Object[] {"ru.nso.wg.common.Refusal: x"}, null)).isEqualTo(FilterReply.NEUTRAL);
  }
}
