package ru.nso.wg.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.deployment.ModelDeployer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ModelDeployer} across restarts on one database: a restart without changes adds no version; a changed
 * model, or a changed form that a model references, adds exactly one version of that process and no other.
 *
 * <p>The deployer reads {@code classpath*:bpmn/*.bpmn} and {@code classpath*:forms/*.form}. The test models of
 * {@code src/test/resources/platform/models} are copied to a temporary folder, which becomes an extra classpath
 * root through the thread's context class loader (the one Spring's resource resolver uses), so they are deployed
 * like the real {@code bpmn/} and {@code forms/} (which, when present, are deployed too and must not change).
 */
class ModelDeploymentRestartTest {

  private static final String SOURCE = AbstractApplicationTest.MODEL_SOURCE;
  private static final String SAMPLE = "platform-sample";
  private static final String PLAIN = "platform-plain";

  @TempDir
  Path temp;

  /** What a deployment run left in the database: versions per process key and the number of deployments. */
  record State(Map<String, Integer> latestVersions, long deployments, long definitions) {

    static State of(ProcessEngine engine) {
      RepositoryService repository = engine.getRepositoryService();
      Map<String, Integer> versions = new TreeMap<>();
      repository.createProcessDefinitionQuery().latestVersion().list()
          .forEach(d -> versions.put(d.getKey(), d.getVersion()));
      return new State(versions, repository.createDeploymentQuery().deploymentSource(SOURCE).count(),
          repository.createProcessDefinitionQuery().count());
    }

    State withNewVersionOf(String key) {
      Map<String, Integer> versions = new TreeMap<>(latestVersions);
      versions.merge(key, 1, Integer::sum);
      return new State(versions, deployments + 1, definitions + 1);
    }
  }

  @Test
  void aRestartAddsNoVersionAndEachChangeExactlyOne() throws Exception {
    Path models = temp.resolve("models");
    copyTree(Path.of(Objects.requireNonNull(getClass().getResource("/platform/models")).toURI()), models);
    String database = "jdbc:h2:file:" + temp.resolve("db/wg-meetings").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

    State first;
    try (ConfigurableApplicationContext context = start(database, models)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      first = State.of(engine);
      assertThat(first.latestVersions()).containsEntry(SAMPLE, 1).containsEntry(PLAIN, 1);
      assertThat(resourcesOfLatest(engine, SAMPLE)).containsExactlyInAnyOrder(
          "bpmn/platform-sample.bpmn", "forms/platform-sample-start.form", "forms/platform-sample-task.form");
      assertThat(resourcesOfLatest(engine, PLAIN)).containsExactly("bpmn/platform-plain.bpmn");
      assertFormsWork(engine, "Тестовая задача", "Примечание (тестовая форма)");
    }

    try (ConfigurableApplicationContext context = start(database, models)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      ModelDeployer deployer = context.getBean(ModelDeployer.class);
      // The restart deployed nothing.
      assertThat(State.of(engine)).isEqualTo(first);

      // A changed model: one new version of that process only, still with its forms.
      replace(models.resolve("bpmn/platform-sample.bpmn"), "name=\"Тестовая задача\"", "name=\"Изменённая задача\"");
      State afterModelChange = deployWith(models, deployer, engine);
      assertThat(afterModelChange).isEqualTo(first.withNewVersionOf(SAMPLE));
      assertThat(resourcesOfLatest(engine, SAMPLE)).hasSize(3);
      assertFormsWork(engine, "Изменённая задача", "Примечание (тестовая форма)");

      // A changed form: one new version of the process that references it.
      replace(models.resolve("forms/platform-sample-task.form"), "Примечание (тестовая форма)", "Комментарий");
      State afterFormChange = deployWith(models, deployer, engine);
      assertThat(afterFormChange).isEqualTo(afterModelChange.withNewVersionOf(SAMPLE));
      assertFormsWork(engine, "Изменённая задача", "Комментарий");

      // A form no process references, and another unchanged run: nothing.
      replace(models.resolve("forms/platform-unused.form"), "Примечание (тестовая форма)", "Не используется");
      assertThat(deployWith(models, deployer, engine)).isEqualTo(afterFormChange);

      // A new model file: its process, version 1, in a deployment of its own.
      String extra = Files.readString(models.resolve("bpmn/platform-plain.bpmn"), StandardCharsets.UTF_8)
          .replace("id=\"" + PLAIN + "\"", "id=\"platform-extra\"");
      Files.writeString(models.resolve("bpmn/platform-extra.bpmn"), extra, StandardCharsets.UTF_8);
      State afterNewFile = deployWith(models, deployer, engine);
      assertThat(afterNewFile.latestVersions()).containsEntry("platform-extra", 1);
      assertThat(afterNewFile.deployments()).isEqualTo(afterFormChange.deployments() + 1);
      assertThat(afterNewFile.definitions()).isEqualTo(afterFormChange.definitions() + 1);
    }
  }

  /** Starts the application on {@code database} with {@code models} as an extra classpath root. */
  private static ConfigurableApplicationContext start(String database, Path models) {
    return withModels(models, () -> new SpringApplicationBuilder(WgMeetingsApplication.class)
        .profiles("test")
        // the platform-* test models have no process-backing class: this test is about versions, not the check
        .run("--spring.datasource.url=" + database, "--server.port=0", "--wg.demo-roster=false",
            "--wg.models.check-exempt-sources=" + SOURCE));
  }

  private static State deployWith(Path models, ModelDeployer deployer, ProcessEngine engine) {
    return withModels(models, () -> {
      deployer.postProcessEngineBuild(engine);
      return State.of(engine);
    });
  }

  private static <T> T withModels(Path models, Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {models.toUri().toURL()}, previous)) {
      thread.setContextClassLoader(loader);
      return action.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Set<String> resourcesOfLatest(ProcessEngine engine, String key) {
    RepositoryService repository = engine.getRepositoryService();
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    Deployment deployment = repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
    assertThat(deployment.getSource()).isEqualTo(SOURCE);
    assertThat(deployment.getName()).isEqualTo(key);
    return new TreeSet<>(repository.getDeploymentResourceNames(deployment.getId()));
  }

  /** Starts the latest sample process and reads its start form and its task form as Tasklist would. */
  private static void assertFormsWork(ProcessEngine engine, String taskName, String taskFormLabel) throws IOException {
    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SAMPLE).latestVersion().singleResult();
    try (InputStream startForm = engine.getFormService().getDeployedStartForm(latest.getId())) {
      assertThat(new String(startForm.readAllBytes(), StandardCharsets.UTF_8)).contains("\"platform-sample-start\"");
    }
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceById(latest.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getName()).isEqualTo(taskName);
    try (InputStream taskForm = engine.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(new String(taskForm.readAllBytes(), StandardCharsets.UTF_8)).contains(taskFormLabel);
    }
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "platform test");
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(content).as(file.toString()).contains(from);
    Files.writeString(file, content.replace(from, to), StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

}
