package ru.nso.wg.deployment;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * What changed between two versions of a process model, by element ID: the elements (flow nodes, sequence flows,
 * subprocesses, messages …) added, removed, and changed — a changed name, attribute, listener, input, timer,
 * condition or form reference; a nested element's change is its own, not its subprocess's. Diagram layout is not
 * a change.
 */
public record ModelDiff(Set<String> added, Set<String> removed, Set<String> changed) {

  /** The differences of {@code after} against {@code before} (empty {@code before}: every element is added). */
  public static ModelDiff of(byte[] before, byte[] after) {
    Map<String, String> old = before == null ? Map.of() : signatures(before);
    Map<String, String> now = signatures(after);
    Set<String> added = new TreeSet<>(now.keySet());
    added.removeAll(old.keySet());
    Set<String> removed = new TreeSet<>(old.keySet());
    removed.removeAll(now.keySet());
    Set<String> changed = new TreeSet<>();
    now.forEach((id, signature) -> {
      if (old.containsKey(id) && !old.get(id).equals(signature)) {
        changed.add(id);
      }
    });
    return new ModelDiff(added, removed, changed);
  }

  public boolean empty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Element ID → its own content (attributes, text and children without IDs), for the semantic part only. */
  static Map<String, String> signatures(byte[] bpmn) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn));
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a BPMN file", e);
    }
    Map<String, String> signatures = new TreeMap<>();
    collect(doc.getDocumentElement(), signatures);
    return signatures;
  }

  private static void collect(Element element, Map<String, String> into) {
    for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element child) || !ModelExpressions.BPMN.equals(child.getNamespaceURI())) {
        continue; // diagram interchange (bpmndi) and extensions are not elements of their own
      }
      if (isElementOfItsOwn(child)) {
        StringBuilder signature = new StringBuilder();
        own(child, signature);
        into.put(child.getAttribute("id"), signature.toString());
      }
      collect(child, into);
    }
  }

  /** Elements with an ID (but event definitions and loop characteristics, which belong to their element). */
  private static boolean isElementOfItsOwn(Element child) {
    return ModelExpressions.BPMN.equals(child.getNamespaceURI()) && !child.getAttribute("id").isEmpty()
        && !List.of("timerEventDefinition", "messageEventDefinition", "signalEventDefinition",
            "errorEventDefinition", "escalationEventDefinition", "conditionalEventDefinition",
            "multiInstanceLoopCharacteristics").contains(child.getLocalName());
  }

  private static void own(Element element, StringBuilder out) {
    out.append('<').append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
        sorted.put(a.getName(), a.getValue());
      }
    }
    sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append('>');
    for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        if (isElementOfItsOwn(child)) {
          continue; // its own entry
        }
        own(child, out);
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = c.getNodeValue().strip();
        if (!text.isEmpty()) {
          out.append(text);
        }
      }
    }
    out.append("</").append(element.getLocalName()).append('>');
  }
}
