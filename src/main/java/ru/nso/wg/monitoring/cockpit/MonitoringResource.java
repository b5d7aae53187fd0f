package ru.nso.wg.monitoring.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.monitoring.MonitoringAccess;
import ru.nso.wg.monitoring.MonitoringJson.DashboardView;
import ru.nso.wg.monitoring.MonitoringJson.DecisionView;
import ru.nso.wg.monitoring.MonitoringJson.DecisionsView;
import ru.nso.wg.monitoring.MonitoringJson.TimelineView;

import java.util.function.Function;

/**
 * The plugin's REST resources (GET only, JSON). Cockpit's filters let through anyone logged in to the engine, so each
 * call checks who asks ({@link MonitoringAccess}: secretariat and chair's office everything, a deputy chair the
 * decisions of their areas, anyone else 403).
 * <ul>
 *   <li>{@code dashboard?from=&to=} — meetings of the period with deadlines, decision counts by area;</li>
 *   <li>{@code decisions?from=&to=&area=&state=} — decisions under control (state = a {@code DecisionCategory});</li>
 *   <li>{@code decisions/{meetingKey}/{itemNo}} — one decision with its history;</li>
 *   <li>{@code process-instance/{id}/timeline} — the legal timeline of the meeting run by that instance.</li>
 * </ul>
 */
public class MonitoringResource extends AbstractCockpitPluginResource {

  /** The answer to a refused call: its HTTP status and the Russian message. */
  public record Failure(int status, String message) {
  }

  public MonitoringResource(String engineName) {
    super(engineName);
  }

  @GET
  @Path("dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  public DashboardView dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
    return call(access -> MonitoringBeans.views().dashboard(access, from, to));
  }

  @GET
  @Path("decisions")
  @Produces(MediaType.APPLICATION_JSON)
  public DecisionsView decisions(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("area") String area, @QueryParam("state") String state) {
    return call(access -> MonitoringBeans.views().decisions(access, from, to, area, state));
  }

  @GET
  @Path("decisions/{meetingKey}/{itemNo}")
  @Produces(MediaType.APPLICATION_JSON)
  public DecisionView decision(@PathParam("meetingKey") String meetingKey, @PathParam("itemNo") String itemNo) {
    return call(access -> MonitoringBeans.views().decision(access, meetingKey + "/" + itemNo));
  }

  @GET
  @Path("process-instance/{id}/timeline")
  @Produces(MediaType.APPLICATION_JSON)
  public TimelineView timeline(@PathParam("id") String processInstanceId) {
    return call(access -> MonitoringBeans.views().timeline(access, processInstanceId));
  }

  private <T> T call(Function<MonitoringAccess, T> view) {
    try {
      Authentication authentication = getCurrentAuthentication();
      if (authentication == null) {
        throw Refusal.unauthenticated();
      }
      return view.apply(MonitoringAccess.of(authentication.getUserId(), authentication.getGroupIds()));
    } catch (Refusal e) {
      throw new WebApplicationException(e.getMessage(), Response.status(e.kind().status())
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(new Failure(e.kind().status(), e.getMessage())).build());
    }
  }
}
