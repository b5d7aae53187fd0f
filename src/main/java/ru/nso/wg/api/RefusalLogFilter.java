package ru.nso.wg.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import ru.nso.wg.common.Refusal;

/**
 * Keeps a {@link Refusal} out of the log as an error: an event of any logger whose exception is (or wraps) a refusal
 * is dropped — the engine's command context ({@code org.camunda.bpm.engine.context}, ENGINE-16004 at ERROR), the job
 * executor — and so is an event of Camunda's loggers whose message or argument is the stack trace of a refusal as text
 * (the REST API's exception handler, {@code org.camunda.bpm.engine.rest.exception}, ENGINE-REST-HTTP500 at WARN,
 * logs the trace as its message), since
 * {@link RefusalInterceptor} has logged the refusal as one WARN line. Every other exception keeps its stack trace.
 * Camunda's loggers pass the exception as the last argument, so both places are looked at.
 */
class RefusalLogFilter extends TurboFilter {

  static final String NAME = "wg-refusals";

  /** How a refusal starts in a printed stack trace (itself, or a «Caused by:» line). */
  private static final String REFUSAL_TRACE = Refusal.class.getName() + ": ";

  RefusalLogFilter() {
    setName(NAME);
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                            Throwable t) {
    Throwable error = t;
    if (error == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      error = last;
    }
    if (error != null && Refusal.in(error).isPresent()) {
      return FilterReply.DENY;
    }
    if (logger.getName().startsWith("org.camunda.")) {
      if (format != null && format.contains(REFUSAL_TRACE)) {
        return FilterReply.DENY;
      }
      for (Object param : params == null ? new Object[0] : params) {
        if (param instanceof String text && text.contains(REFUSAL_TRACE)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
