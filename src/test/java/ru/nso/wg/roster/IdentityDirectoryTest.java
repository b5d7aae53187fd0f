package ru.nso.wg.roster;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads of the roster do not depend on who asks: a caller without any authorization on users and groups (who sees
 * nobody through the engine's own queries) sees everyone through the directory, and keeps their authentication.
 */
class IdentityDirectoryTest {

  static ProcessEngine engine;
  static IdentityService identity;
  IdentityDirectory directory;
  AsEngine asEngine;

  @BeforeAll
  static void engineWithAuthorizations() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:identity-directory-test;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._-]+"); // as application.yaml
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("identity-directory-test");
    engine = configuration.buildProcessEngine();
    identity = engine.getIdentityService();
    user("petrov", "Пётр Иванович", "Петров", "Руководитель департамента");
    user("alekseeva", "Анна Сергеевна", "Алексеева", null);
    user("borisov", "Борис", "Борисов", null);
    Group group = identity.newGroup("wg-test");
    group.setName("Тестовая группа");
    identity.saveGroup(group);
    identity.saveGroup(identity.newGroup("wg-unnamed"));
    identity.saveGroup(identity.newGroup(DeputyArea.values()[0].groupId()));
    for (String id : List.of("petrov", "alekseeva", "borisov")) {
      identity.createMembership(id, "wg-test");
    }
    identity.createMembership("borisov", DeputyArea.values()[0].groupId());
  }

  private static void user(String id, String firstName, String lastName, String position) {
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    identity.saveUser(user);
    if (position != null) {
      identity.setUserInfo(id, RosterBootstrap.POSITION, position);
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void anOutsiderIsLoggedIn() {
    asEngine = new AsEngine(identity);
    directory = new IdentityDirectory(identity, asEngine);
    identity.setAuthentication("outsider", List.of("nobodys-group"));
  }

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void theEngineHidesUsersFromTheOutsiderButTheDirectoryDoesNot() {
    assertThat(identity.createUserQuery().memberOfGroup("wg-test").count()).isZero();

    assertThat(directory.members("wg-test")).extracting(User::getId).containsExactly("alekseeva", "borisov", "petrov");
    assertThat(directory.user("petrov")).map(IdentityDirectory::fullName).contains("Петров Пётр Иванович");
    assertThat(directory.user("nobody")).isEmpty();
    assertThat(directory.user(null)).isEmpty();
    assertThat(directory.group("wg-test")).map(Group::getName).contains("Тестовая группа");
    assertThat(directory.groupName("wg-test")).isEqualTo("Тестовая группа");
    assertThat(directory.groupName("wg-unnamed")).isEqualTo("wg-unnamed");
    assertThat(directory.groupName("wg-unknown")).isEqualTo("wg-unknown");
    assertThat(directory.isMember("petrov", "wg-test")).isTrue();
    assertThat(directory.isMember("petrov", "wg-unnamed")).isFalse();
    assertThat(directory.isMember(null, "wg-test")).isFalse();
    assertThat(directory.areasOf("borisov")).containsExactly(DeputyArea.values()[0].groupId());
    assertThat(directory.position("petrov")).isEqualTo("Руководитель департамента");
    assertThat(directory.position("alekseeva")).isNull();
    assertThat(directory.userName("alekseeva")).isEqualTo("Алексеева Анна Сергеевна");
    assertThat(directory.userName("nobody")).isEqualTo("nobody");

    assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("outsider");
    assertThat(identity.getCurrentAuthentication().getGroupIds()).containsExactly("nobodys-group");
  }

  @Test
  void aBlockRunsWithoutTheCallersAuthenticationWhichIsRestoredAfterwards() {
    Authentication caller = identity.getCurrentAuthentication();
    AtomicReference<Authentication> inside = new AtomicReference<>(caller);

    assertThat(asEngine.call(() -> {
      inside.set(identity.getCurrentAuthentication());
      return identity.createUserQuery().count();
    })).isEqualTo(3);
    assertThat(inside.get()).isNull();
    assertThat(identity.getCurrentAuthentication()).isSameAs(caller);

    inside.set(caller);
    asEngine.run(() -> inside.set(identity.getCurrentAuthentication()));
    assertThat(inside.get()).isNull();
    assertThat(identity.getCurrentAuthentication()).isSameAs(caller);
  }

  @Test
  void theCallersAuthenticationIsRestoredWhenTheBlockFails() {
    Authentication caller = identity.getCurrentAuthentication();

    assertThatThrownBy(() -> asEngine.run(() -> {
      throw new IllegalStateException("сбой");
    })).isInstanceOf(IllegalStateException.class).hasMessage("сбой");
    assertThat(identity.getCurrentAuthentication()).isSameAs(caller);
  }

  @Test
  void withoutAnyAuthenticationTheBlockRunsAsItIs() {
    identity.clearAuthentication();

    assertThat(asEngine.call(() -> identity.createUserQuery().count())).isEqualTo(3);
    assertThat(identity.getCurrentAuthentication()).isNull();
  }
}
