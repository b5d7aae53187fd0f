package ru.nso.wg.document;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import ru.nso.wg.common.InputText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * A small, strict template engine for {@code .docx} files that staff edit in Word. The syntax is Mustache-like:
 * <ul>
 *   <li>{@code {{name}}} — a value; line breaks in a value become line breaks in the document, tabs become tabs;
 *       the replaced text keeps the formatting of the run where the placeholder starts (Word may split a
 *       placeholder over several runs — that is handled);</li>
 *   <li>a paragraph holding only {@code {{#name}}} … a paragraph holding only {@code {{/name}}} — the paragraphs
 *       and tables between are repeated for every element of a list (whose fields then become names), kept once
 *       for a true / non-empty value, removed for false / empty; {@code {{^name}}} … {@code {{/name}}} is the
 *       opposite (kept only when empty/false);</li>
 *   <li>the same markers inside a table row repeat the row (or the rows from the start marker's row to the end
 *       marker's row) for every element;</li>
 *   <li>markers inside one paragraph ({@code {{#x}}text{{/x}}}) make a conditional part of that paragraph; a
 *       paragraph left empty by them disappears;</li>
 *   <li>{@code {{.}}} is the current element of a list of texts.</li>
 * </ul>
 * Names are looked up in the current element, then outwards. An unknown name or an unclosed section is an error
 * that names the template part, so a template broken by an edit fails loudly instead of printing garbage.
 * Placeholders are processed in the body, headers and footers.
 */
public final class DocxTemplate {

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/]?)\\s*([A-Za-z0-9_.]+)\\s*}}");
  private static final Pattern WHOLE_MARKER = Pattern.compile("^\\s*\\{\\{\\s*([#^/])\\s*([A-Za-z0-9_.]+)\\s*}}\\s*$");

  /** The template is broken (unknown name, unclosed section). */
  public static class TemplateException extends RuntimeException {
    public TemplateException(String message) {
      super(message);
    }
  }

  private final String templateName;

  private DocxTemplate(String templateName) {
    this.templateName = templateName;
  }

  /**
   * Renders a template.
   *
   * @param templateName for error messages
   * @param docx         the template's bytes
   * @param model        values: String/Number/Boolean, {@code List<Map<String, ?>>} or {@code List<String>} for
   *                     sections, {@code Map<String, ?>} for a nested object
   */
  public static byte[] render(String templateName, byte[] docx, Map<String, ?> model) {
    DocxTemplate engine = new DocxTemplate(templateName);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
         ByteArrayOutputStream bytes = new ByteArrayOutputStream();
         ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry entry;
      boolean sawDocument = false;
      while ((entry = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        String name = entry.getName();
        if (name.equals("word/document.xml") || name.matches("word/(header|footer)\\d*\\.xml")) {
          sawDocument |= name.equals("word/document.xml");
          content = engine.renderPart(name, content, model);
        }
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
      }
      if (!sawDocument) {
        throw new TemplateException("Шаблон " + templateName + " не является документом Word (.docx)");
      }
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new TemplateException("Шаблон " + templateName + " не читается как .docx: " + e.getMessage());
    }
  }

  // The JDK's own parser and serializer, whatever else is on the classpath: the same bytes in tests (whose PDF/A
  // validator brings Saxon) as in production, and no search of every jar for another implementation on each part.
  private byte[] renderPart(String partName, byte[] xml, Map<String, ?> model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      Document document = builder.parse(new ByteArrayInputStream(xml));
      Deque<Object> context = new ArrayDeque<>();
      context.push(model);
      Element root = document.getDocumentElement();
      Element container = root;
      Element body = child(root, "body");
      if (body != null) {
        container = body;
      }
      renderChildren(container, context);
      ensureCellsHaveParagraphs(document);

      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "no");
      document.setXmlStandalone(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TemplateException e) {
      throw e;
    } catch (Exception e) {
      throw new TemplateException("Шаблон " + templateName + " (" + partName + ") не обработан: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------- block level

  private void renderChildren(Element parent, Deque<Object> context) {
    renderSiblings(parent, elementChildren(parent), context);
  }

  /** Renders a contiguous run of sibling elements of {@code parent}. */
  private void renderSiblings(Element parent, List<Element> nodes, Deque<Object> context) {
    for (int i = 0; i < nodes.size(); i++) {
      Element el = nodes.get(i);
      if (is(el, "p")) {
        Matcher marker = WHOLE_MARKER.matcher(paragraphText(el));
        if (marker.matches()) {
          if (marker.group(1).equals("/")) {
            throw new TemplateException(
                "Шаблон " + templateName + ": лишний конец раздела {{/" + marker.group(2) + "}}");
          }
          String name = marker.group(2);
          boolean inverted = marker.group(1).equals("^");
          int end = findEnd(nodes, i, name);
          List<Element> block = new ArrayList<>(nodes.subList(i + 1, end));
          Node anchor = nodes.get(end).getNextSibling();
          for (int k = i; k <= end; k++) {
            parent.removeChild(nodes.get(k));
          }
          for (Object item : iterations(name, inverted, context)) {
            List<Element> clones = new ArrayList<>();
            for (Element b : block) {
              Element clone = (Element) b.cloneNode(true);
              parent.insertBefore(clone, anchor);
              clones.add(clone);
            }
            push(context, item);
            renderSiblings(parent, clones, context);
            context.pop();
          }
          i = end;
          continue;
        }
        renderParagraph(el, context);
      } else if (is(el, "tbl")) {
        renderTable(el, context);
      } else if (is(el, "sdt")) {
        Element content = child(el, "sdtContent");
        if (content != null) {
          renderChildren(content, context);
        }
      }
    }
  }

  private int findEnd(List<Element> nodes, int start, String name) {
    int depth = 0;
    for (int j = start + 1; j < nodes.size(); j++) {
      if (!is(nodes.get(j), "p")) {
        continue;
      }
      Matcher m = WHOLE_MARKER.matcher(paragraphText(nodes.get(j)));
      if (m.matches() && m.group(2).equals(name)) {
        if (m.group(1).equals("/")) {
          if (depth == 0) {
            return j;
          }
          depth--;
        } else {
          depth++;
        }
      }
    }
    throw new TemplateException(
        "Шаблон " + templateName + ": раздел {{#" + name + "}} не закрыт абзацем {{/" + name + "}}");
  }

  private void renderTable(Element table, Deque<Object> context) {
    List<Element> rows = new ArrayList<>();
    for (Element e : elementChildren(table)) {
      if (is(e, "tr")) {
        rows.add(e);
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      Element row = rows.get(i);
      Matcher start = firstTag(textOf(row), "[#^]");
      if (start == null) {
        renderRowCells(row, context);
        continue;
      }
      String name = start.group(2);
      boolean inverted = start.group(1).equals("^");
      int end = -1;
      for (int j = i; j < rows.size(); j++) {
        if (textOf(rows.get(j)).matches("(?s).*\\{\\{\\s*/\\s*" + Pattern.quote(name) + "\\s*}}.*")) {
          end = j;
          break;
        }
      }
      if (end < 0) {
        throw new TemplateException(
            "Шаблон " + templateName + ": строка таблицы с {{#" + name + "}} без {{/" + name + "}}");
      }
      List<Element> block = new ArrayList<>(rows.subList(i, end + 1));
      for (Element b : block) {
        stripMarkers(b, name);
      }
      Node anchor = rows.get(end).getNextSibling();
      for (Element b : block) {
        table.removeChild(b);
      }
      for (Object item : iterations(name, inverted, context)) {
        push(context, item);
        for (Element b : block) {
          Element clone = (Element) b.cloneNode(true);
          table.insertBefore(clone, anchor);
          renderRowCells(clone, context);
        }
        context.pop();
      }
      i = end;
    }
    boolean hasRows = elementChildren(table).stream().anyMatch(e -> is(e, "tr"));
    if (!hasRows) {
      table.getParentNode().removeChild(table); // a table without rows is not valid Word
    }
  }

  private void renderRowCells(Element row, Deque<Object> context) {
    for (Element cell : elementChildren(row)) {
      if (is(cell, "tc")) {
        renderChildren(cell, context);
      }
    }
  }

  /** Removes the row-section markers of {@code name} from the paragraphs of a row. */
  private void stripMarkers(Element row, String name) {
    Pattern marker = Pattern.compile("\\{\\{\\s*[#^/]\\s*" + Pattern.quote(name) + "\\s*}}");
    NodeList paragraphs = row.getElementsByTagNameNS(W, "p");
    for (int k = 0; k < paragraphs.getLength(); k++) {
      Element p = (Element) paragraphs.item(k);
      TextMap map = new TextMap(p);
      List<int[]> spans = new ArrayList<>();
      Matcher m = marker.matcher(map.text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      for (int s = spans.size() - 1; s >= 0; s--) {
        map.replace(spans.get(s)[0], spans.get(s)[1], "");
      }
    }
  }

  // ------------------------------------------------------------------------------------------ paragraph level

  private void renderParagraph(Element p, Deque<Object> context) {
    TextMap map = new TextMap(p);
    if (!map.text.contains("{{")) {
      return;
    }
    List<Matcher> tags = new ArrayList<>();
    Matcher m = TAG.matcher(map.text);
    while (m.find()) {
      tags.add(TAG.matcher(map.text).region(m.start(), m.end()));
      tags.get(tags.size() - 1).find();
    }
    List<Object[]> edits = new ArrayList<>(); // {start, end, replacement}
    boolean hadSection = false;
    for (int i = 0; i < tags.size(); i++) {
      Matcher tag = tags.get(i);
      String kind = tag.group(1);
      String name = tag.group(2);
      if (kind.equals("/")) {
        throw new TemplateException("Шаблон " + templateName + ": лишний конец раздела {{/" + name + "}} в абзаце «"
            + abbreviate(map.text) + "»");
      }
      if (kind.isEmpty()) {
        edits.add(new Object[] {tag.start(), tag.end(), text(name, lookup(name, context))});
        continue;
      }
      hadSection = true;
      int depth = 0;
      int end = -1;
      for (int j = i + 1; j < tags.size(); j++) {
        if (tags.get(j).group(2).equals(name)) {
          if (tags.get(j).group(1).equals("/")) {
            if (depth == 0) {
              end = j;
              break;
            }
            depth--;
          } else if (!tags.get(j).group(1).isEmpty()) {
            depth++;
          }
        }
      }
      if (end < 0) {
        throw new TemplateException("Шаблон " + templateName + ": раздел {{" + kind + name + "}} не закрыт в абзаце «"
            + abbreviate(map.text) + "»");
      }
      boolean show = truthy(lookup(name, context)) != kind.equals("^");
      if (show) {
        edits.add(new Object[] {tag.start(), tag.end(), ""});
        edits.add(new Object[] {tags.get(end).start(), tags.get(end).end(), ""});
        // the tags between are handled by the loop; the closing tag is skipped below
        tags.remove(end);
      } else {
        edits.add(new Object[] {tag.start(), tags.get(end).end(), ""});
        i = end;
      }
    }
    edits.sort((a, b) -> Integer.compare((int) b[0], (int) a[0]));
    for (Object[] edit : edits) {
      map.replace((int) edit[0], (int) edit[1], (String) edit[2]);
    }
    map.expandLineBreaks();
    if (hadSection && paragraphText(p).isBlank() && !is((Element) p.getParentNode(), "tc")) {
      p.getParentNode().removeChild(p);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The text of a paragraph as a string, mapped onto its {@code w:t} elements. */
  private static final class TextMap {
    final List<Element> nodes = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();
    final String text;

    TextMap(Element p) {
      NodeList ts = p.getElementsByTagNameNS(W, "t");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ts.getLength(); i++) {
        Element t = (Element) ts.item(i);
        if (nearestParagraph(t) != p) {
          continue;
        }
        nodes.add(t);
        offsets.add(sb.length());
        sb.append(t.getTextContent());
      }
      text = sb.toString();
    }

    /** Replaces [start, end) of the original text; call for spans in decreasing order of start. */
    void replace(int start, int end, String replacement) {
      int a = nodeAt(start);
      if (a < 0) {
        return;
      }
      Element first = nodes.get(a);
      String firstText = first.getTextContent();
      int from = start - offsets.get(a);
      int b = end == start ? a : nodeAt(end - 1);
      if (a == b) {
        setText(first, firstText.substring(0, from) + replacement + firstText.substring(end - offsets.get(a)));
        return;
      }
      setText(first, firstText.substring(0, from) + replacement);
      for (int k = a + 1; k < b; k++) {
        setText(nodes.get(k), "");
      }
      Element last = nodes.get(b);
      setText(last, last.getTextContent().substring(end - offsets.get(b)));
    }

    private int nodeAt(int position) {
      for (int k = nodes.size() - 1; k >= 0; k--) {
        if (offsets.get(k) <= position) {
          return k;
        }
      }
      return -1;
    }

    /** Turns {@code \n} and {@code \t} in the texts into {@code w:br} and {@code w:tab}. */
    void expandLineBreaks() {
      for (Element t : nodes) {
        String s = t.getTextContent().replace("\r\n", "\n");
        if (s.indexOf('\n') < 0 && s.indexOf('\t') < 0) {
          continue;
        }
        Node run = t.getParentNode();
        Document doc = t.getOwnerDocument();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
          char c = i < s.length() ? s.charAt(i) : '\n';
          boolean end = i == s.length();
          if (c == '\n' || c == '\t') {
            if (segment.length() > 0) {
              Element more = doc.createElementNS(W, "w:t");
              setText(more, segment.toString());
              run.insertBefore(more, t);
              segment.setLength(0);
            }
            if (!end) {
              run.insertBefore(doc.createElementNS(W, c == '\n' ? "w:br" : "w:tab"), t);
            }
          } else {
            segment.append(c);
          }
        }
        run.removeChild(t);
      }
    }

    private static void setText(Element t, String value) {
      t.setTextContent(value);
      t.setAttributeNS(XML_NS, "xml:space", "preserve");
    }
  }

  // ----------------------------------------------------------------------------------------------- values

  private Object lookup(String name, Deque<Object> context) {
    if (name.equals(".")) {
      return context.peek();
    }
    for (Iterator<Object> it = context.iterator(); it.hasNext(); ) {
      Object scope = it.next();
      if (scope instanceof Map<?, ?> map && map.containsKey(name)) {
        return map.get(name);
      }
    }
    throw new TemplateException("Шаблон " + templateName + " содержит неизвестное поле {{" + name + "}}");
  }

  private List<Object> iterations(String name, boolean inverted, Deque<Object> context) {
    Object value = lookup(name, context);
    boolean truthy = truthy(value);
    if (inverted) {
      return truthy ? List.of() : List.of(context.peek());
    }
    if (!truthy) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value instanceof Map<?, ?>) {
      return List.of(value);
    }
    return List.of(context.peek()); // a true flag or a non-empty text: keep once, same scope
  }

  private static void push(Deque<Object> context, Object item) {
    context.push(item == null ? Map.of() : item);
  }

  private static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof CharSequence s) {
      return !s.toString().isBlank();
    }
    return true;
  }

  private String text(String name, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
      throw new TemplateException("Шаблон " + templateName + ": {{" + name + "}} — это список, его выводят разделом {{#"
          + name + "}}…{{/" + name + "}}");
    }
    // text stored before it was checked at the boundary must not corrupt the document
    return InputText.xmlSafe(value.toString());
  }

  // -------------------------------------------------------------------------------------------------- DOM

  private static boolean is(Element e, String localName) {
    return W.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  private static Element child(Element parent, String localName) {
    for (Element e : elementChildren(parent)) {
      if (is(e, localName)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> elementChildren(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        list.add(e);
      }
    }
    return list;
  }

  private static Element nearestParagraph(Node node) {
    for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
      if (n instanceof Element e && is(e, "p")) {
        return e;
      }
    }
    return null;
  }

  static String paragraphText(Element p) {
    StringBuilder sb = new StringBuilder();
    NodeList ts = p.getElementsByTagNameNS(W, "t");
    for (int i = 0; i < ts.getLength(); i++) {
      if (nearestParagraph(ts.item(i)) == p) {
        sb.append(ts.item(i).getTextContent());
      }
    }
    return sb.toString();
  }

  private static String textOf(Element e) {
    StringBuilder sb = new StringBuilder();
    NodeList ts = e.getElementsByTagNameNS(W, "t");
    for (int i = 0; i < ts.getLength(); i++) {
      sb.append(ts.item(i).getTextContent());
    }
    return sb.toString();
  }

  private static Matcher firstTag(String text, String kinds) {
    Matcher m = Pattern.compile("\\{\\{\\s*(" + kinds + ")\\s*([A-Za-z0-9_.]+)\\s*}}").matcher(text);
    return m.find() ? m : null;
  }

  /** Word requires at least one paragraph in every table cell. */
  private static void ensureCellsHaveParagraphs(Document document) {
    NodeList cells = document.getElementsByTagNameNS(W, "tc");
    for (int i = 0; i < cells.getLength(); i++) {
      Element cell = (Element) cells.item(i);
      if (child(cell, "p") == null) {
        cell.appendChild(document.createElementNS(W, "w:p"));
      }
    }
  }
}
