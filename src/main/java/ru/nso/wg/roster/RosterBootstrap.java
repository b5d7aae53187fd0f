package ru.nso.wg.roster;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.nso.wg.common.StartupWork;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the roster's groups when they are missing (every profile), and the fictional demo roster when
 * {@code wg.demo-roster} is on (the embedded default; never in {@code prod}). Existing users and groups are
 * never changed, so what an administrator edits in Camunda Admin survives restarts.
 */
@Component
@Order(10)
public class RosterBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RosterBootstrap.class);
  /** User info key holding a person's position (должность), printed in the minutes. */
  public static final String POSITION = "position";
  /** User info key holding the organisation a member represents, frozen with the roster of each meeting. */
  public static final String ORGANISATION = "organisation";

  static final Map<String, String> GROUP_NAMES = new LinkedHashMap<>();

  static {
    GROUP_NAMES.put(RosterGroups.CHAIR, "Председатель Рабочей группы");
    GROUP_NAMES.put(RosterGroups.DEPUTY_CHAIRS, "Заместители председателя Рабочей группы");
    GROUP_NAMES.put(RosterGroups.MEMBERS, "Состав Рабочей группы");
    GROUP_NAMES.put(RosterGroups.SECRETARIAT,
        "Департамент организации управления и государственной гражданской службы");
    GROUP_NAMES.put(RosterGroups.INFO_POLICY, "Департамент информационной политики");
    GROUP_NAMES.put(RosterGroups.ANALYSTS, "Аналитики процессов");
    for (DeputyArea area : DeputyArea.values()) {
      GROUP_NAMES.put(area.groupId(), "Заместитель председателя: " + area.title());
    }
  }

  private final boolean demoRoster;
  private final StartupWork startup;

  public RosterBootstrap(@Value("${wg.demo-roster:false}") boolean demoRoster, StartupWork startup) {
    this.demoRoster = demoRoster;
    this.startup = startup;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("roster groups and demo users", () -> createRoster(processEngine));
  }

  private void createRoster(ProcessEngine processEngine) {
    IdentityService identity = processEngine.getIdentityService();
    GROUP_NAMES.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    });
    if (demoRoster) {
      createDemoRoster(identity);
    }
  }

  private void createDemoRoster(IdentityService identity) {
    int created = 0;
    for (DemoRoster.Person person : DemoRoster.PEOPLE) {
      if (identity.createUserQuery().userId(person.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(person.id());
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.email());
      user.setPassword(DemoRoster.PASSWORD);
      identity.saveUser(user);
      identity.setUserInfo(person.id(), POSITION, person.position());
      for (String group : person.groups()) {
        identity.createMembership(person.id(), group);
      }
      created++;
    }
    if (created > 0) {
      LOG.info("Created {} demo users (password '{}'): see README, 'Demo logins'", created, DemoRoster.PASSWORD);
    }
  }
}
