package ru.nso.wg.deployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import ru.nso.wg.common.StartupWork;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders (packaged into the jar) when the engine starts.
 *
 * <p>Each process is its own deployment, named after its process key, holding the BPMN file and every form
 * it references through {@code camunda:formRef} (forms are bound with {@code formRefBinding="deployment"}).
 * Duplicate filtering makes a restart without changes a no-op and a changed process or form exactly one new
 * version of the process that uses it. Concurrent nodes are serialised by the engine's deployment lock.
 */
@Component
public class ModelDeployer extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  /** The deployment source of everything deployed from {@code bpmn/} and {@code forms/}. */
  public static final String SOURCE = "wg-meetings";

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final StartupWork startup;

  public ModelDeployer(StartupWork startup) {
    this.startup = startup;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("models of bpmn/ and forms/", () -> deployAll(processEngine));
  }

  private void deployAll(ProcessEngine processEngine) {
    Map<String, Resource> forms = formsById();
    for (Resource bpmn : resources("classpath*:bpmn/*.bpmn")) {
      deploy(processEngine, bpmn, forms);
    }
  }

  private void deploy(ProcessEngine engine, Resource bpmnResource, Map<String, Resource> forms) {
    byte[] bpmnBytes = read(bpmnResource);
    // read without the model API: its schema and type registry cost about half a second of every start-up, and the
    // engine validates the file against the schema anyway when it deploys it (docs/performance.md)
    Document model = parse(bpmnResource, bpmnBytes);
    String processKey = elements(model, "process")
        .filter(p -> "true".equals(p.getAttribute("isExecutable")))
        .map(p -> p.getAttribute("id"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "bpmn/" + bpmnResource.getFilename() + " has no executable process"));

    TreeSet<String> formRefs = new TreeSet<>();
    Stream.concat(elements(model, "userTask"), elements(model, "startEvent"))
        .map(e -> e.getAttributeNS(ModelExpressions.CAMUNDA, "formRef"))
        .filter(ref -> !ref.isBlank())
        .forEach(formRefs::add);

    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .name(processKey)
        .source(SOURCE)
        .enableDuplicateFiltering(false)
        .addInputStream("bpmn/" + bpmnResource.getFilename(), new ByteArrayInputStream(bpmnBytes));
    for (String formRef : formRefs) {
      Resource form = forms.get(formRef);
      if (form == null) {
        throw new IllegalStateException("bpmn/" + bpmnResource.getFilename() + " references form '" + formRef
            + "' but forms/" + formRef + ".form does not exist");
      }
      builder.addInputStream("forms/" + form.getFilename(), new ByteArrayInputStream(read(form)));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    if (deployment.getDeployedProcessDefinitions() == null || deployment.getDeployedProcessDefinitions().isEmpty()) {
      LOG.info("Process '{}' unchanged, nothing deployed", processKey);
    } else {
      LOG.info("Deployed process '{}' version {} with forms {}", processKey,
          deployment.getDeployedProcessDefinitions().get(0).getVersion(), formRefs);
    }
  }

  private static Document parse(Resource resource, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("bpmn/" + resource.getFilename() + " is not readable as BPMN XML", e);
    }
  }

  private static Stream<Element> elements(Document model, String bpmnName) {
    NodeList found = model.getElementsByTagNameNS(ModelExpressions.BPMN, bpmnName);
    return IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i));
  }

  /** Forms are looked up by their form-js {@code id}, which by convention equals the file name. */
  private Map<String, Resource> formsById() {
    Map<String, Resource> byId = new LinkedHashMap<>();
    for (Resource form : resources("classpath*:forms/*.form")) {
      String id = Objects.requireNonNull(form.getFilename()).replaceFirst("\\.form$", "");
      byId.put(id, form);
    }
    return byId;
  }

  private Resource[] resources(String pattern) {
    try {
      Resource[] found = resolver.getResources(pattern);
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
