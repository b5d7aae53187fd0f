package ru.nso.wg.api;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import ru.nso.wg.common.Refusal;

/**
 * The outermost command interceptor of the engine: a command that fails because of a {@link Refusal} (however the
 * engine wrapped it) offers that refusal to the web request's {@link RefusalCapture}, then fails as before.
 */
class RefusalInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      Refusal.in(e).ifPresent(RefusalCapture::offer);
      throw e;
    }
  }
}
