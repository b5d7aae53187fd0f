package ru.nso.wg.monitoring.cockpit;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

import java.util.Set;

/**
 * The Cockpit plugin «Заседания и сроки»: a dashboard block and a tab on the meeting's process instance
 * (front end {@code plugin-webapp/wg-meetings/app/plugin.js}) with their REST resources under Cockpit's plugin API,
 * {@code /camunda/api/cockpit/plugin/wg-meetings/{engine}/...}, authorised by Cockpit's session. Registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class MeetingsCockpitPlugin extends AbstractCockpitPlugin {

  /** The URL segment and the asset folder name. */
  public static final String ID = "wg-meetings";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(MeetingsRootResource.class);
  }
}
