package ru.nso.wg.monitoring.cockpit;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;
import ru.nso.wg.monitoring.MonitoringViews;

/**
 * The Spring beans the Cockpit plugin's resources need. Cockpit finds the plugin with Java's ServiceLoader and
 * creates its resources per request outside Spring, so they look the beans up here.
 */
@Component
public class MonitoringBeans implements ApplicationContextAware {

  private static volatile ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    context = applicationContext;
  }

  static MonitoringViews views() {
    ApplicationContext c = context;
    if (c == null) {
      throw new IllegalStateException("The application context is not ready");
    }
    return c.getBean(MonitoringViews.class);
  }
}
