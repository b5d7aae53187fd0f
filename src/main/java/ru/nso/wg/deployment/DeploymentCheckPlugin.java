package ru.nso.wg.deployment;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every deployment — {@link ModelDeployer} at start-up, the REST API ({@code POST /engine-rest/deployment/create},
 * Camunda Modeler's deploy dialog), the Java API — is checked ({@link ModelCheck}) before the engine's own deployers
 * run: a model with problems is refused with the Russian list of them ({@link Refusal}, 400 over REST) and nothing
 * of it is deployed. After the engine deployed it, each new process version is recorded ({@link ModelDeploymentLog}).
 * Deployments read back from the database into the engine's cache (not new) are not checked again.
 *
 * <p>{@code wg.models.check-exempt-sources} (empty by default; never set it in production) names deployment sources
 * the check lets through: the tests' own fixture models (a literal timer, a process without a backing class) use it.
 */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;
  private final ModelDeploymentLog log;
  private final Set<String> exemptSources;
  private volatile ModelCheck check;

  public DeploymentCheckPlugin(ListableBeanFactory beans, ModelDeploymentLog log,
                               @Value("${wg.models.check-exempt-sources:}") List<String> exemptSources) {
    this.beans = beans;
    this.log = log;
    this.exemptSources = exemptSources.stream().filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(this::check);
    configuration.setCustomPreDeployers(pre);
    List<Deployer> post = configuration.getCustomPostDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
    post.add(deployment -> {
      if (deployment.isNew()) {
        log.record(deployment);
      }
    });
    configuration.setCustomPostDeployers(post);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getSource() != null && exemptSources.contains(deployment.getSource())) {
      return;
    }
    Map<String, byte[]> resources = new TreeMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    CommandContext command = Context.getCommandContext();
    List<String> problems = check().problems(resources,
        formId -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
    if (!problems.isEmpty()) {
      throw new Refusal(message(problems));
    }
  }

  /** «Модель не развёрнута, исправьте (2): 1) …; 2) …». */
  static String message(List<String> problems) {
    StringBuilder text = new StringBuilder("Модель не развёрнута, исправьте (" + problems.size() + "): ");
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }

  private ModelCheck check() {
    if (check == null) {
      check = new ModelCheck(ModelVocabulary.of(beans));
    }
    return check;
  }
}
