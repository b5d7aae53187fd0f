package ru.nso.wg.monitoring.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Root of the plugin's REST resources: {@code plugin/wg-meetings/{engineName}/...}. */
@Path("plugin/" + MeetingsCockpitPlugin.ID)
public class MeetingsRootResource extends AbstractCockpitPluginRootResource {

  public MeetingsRootResource() {
    super(MeetingsCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public MonitoringResource monitoring(@PathParam("engineName") String engineName) {
    return subResource(new MonitoringResource(engineName), engineName);
  }
}
