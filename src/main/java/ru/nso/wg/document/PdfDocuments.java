package ru.nso.wg.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.pdf.PdfRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The meeting's documents as PDF/A (the form of record): Thymeleaf templates under {@code templates/documents/}
 * filled with exactly the fields of the DOCX ({@link DocumentService#agendaModel},
 * {@link DocumentService#minutesModel}) and rendered by {@link PdfRenderer}. The minutes may carry the mark of
 * the signature ({@link SignatureMark}) and, on a copy, the certification «Верно» ({@link Certification}). An
 * edition uploaded by the secretariat is printed from its own text ({@link DocxBody}), between the same name of
 * the body and the same marks.
 */
@Component
public class PdfDocuments {

  /** The heading of the appendix of dissenting opinions: where it starts, its pages are counted. */
  static final String APPENDIX_HEADING = "ОСОБЫЕ МНЕНИЯ";

  private final TemplateEngine engine;
  private final PdfRenderer renderer;

  public PdfDocuments(PdfRenderer renderer) {
    this.renderer = renderer;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(Set.of("documents/*"));
    resolver.setCacheable(true);
    SpringTemplateEngine spring = new SpringTemplateEngine();
    spring.setTemplateResolver(resolver);
    spring.setEnableSpringELCompiler(false);
    this.engine = spring;
  }

  /** The approved agenda as PDF/A ({@code approval} {@code null}: not approved yet, blank lines to sign). */
  public byte[] agenda(MeetingInfo meeting, AgendaApproval approval) {
    return renderer.render(html("documents/agenda", DocumentService.agendaModel(meeting, approval)));
  }

  /**
   * The generated minutes as PDF/A; {@code mark} (the signature) and {@code certification} («Верно», a copy) may be
   * {@code null}. With dissenting opinions, the appendix mark states the appendix's sheets as rendered.
   */
  public byte[] minutes(MinutesModel minutes, SignatureMark mark, Certification certification) {
    Map<String, Object> values = values(DocumentService.minutesModel(minutes), mark, certification);
    values.put("uploadedBody", null);
    values.put("appendixSheets", 1);
    byte[] pdf = renderer.render(html("documents/minutes", values));
    if (minutes.dissentingOpinions().isEmpty()) {
      return pdf;
    }
    int sheets = appendixPages(pdf);
    if (sheets == 1) {
      return pdf;
    }
    values.put("appendixSheets", sheets);
    return renderer.render(html("documents/minutes", values));
  }

  /**
   * The secretariat's uploaded edition ({@code docx}) as PDF/A: its body as the secretariat wrote it under the name
   * of the body, then the marks; {@code minutes} gives the title.
   */
  public byte[] uploadedMinutes(MinutesModel minutes, byte[] docx, SignatureMark mark, Certification certification) {
    Map<String, Object> values = values(DocumentService.minutesModel(minutes), mark, certification);
    values.put("uploadedBody", DocxBody.toXhtml(docx));
    values.put("appendixSheets", 0);
    return renderer.render(html("documents/minutes", values));
  }

  /**
   * The public version of the minutes (§ 19) as HTML to paste into the website's editor: the content of
   * {@code templates/documents/public.html} without the items numbered in {@code unpublished}.
   */
  public String publicHtml(MinutesModel minutes, Set<Integer> unpublished) {
    return engine.process("documents/public", Set.of("content"),
        new Context(new Locale("ru"), publicValues(minutes, unpublished))).strip() + "\n";
  }

  /** The public version of the minutes (§ 19) as PDF/A: the same content under the name of the body. */
  public byte[] publicPdf(MinutesModel minutes, Set<Integer> unpublished) {
    return renderer.render(html("documents/public", publicValues(minutes, unpublished)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> publicValues(MinutesModel minutes, Set<Integer> unpublished) {
    Map<String, Object> values = DocumentService.minutesModel(minutes);
    Set<Integer> dissented = minutes.dissentingOpinions().stream().map(d -> d.itemNumber())
        .collect(Collectors.toSet());
    values.put("agenda", ((List<Map<String, Object>>) values.get("agenda")).stream()
        .filter(a -> !unpublished.contains((Integer) a.get("number"))).toList());
    List<Map<String, Object>> items = ((List<Map<String, Object>>) values.get("items")).stream()
        .filter(i -> !unpublished.contains((Integer) i.get("number"))).toList();
    for (Map<String, Object> item : items) {
      item.put("decisionLines", ((String) item.get("decision")).lines().map(String::strip)
          .filter(line -> !line.isEmpty()).toList());
      item.put("hasDissent", dissented.contains((Integer) item.get("number")));
      List.of("heard", "spoke", "attendanceChanges", "presentText").forEach(item::remove);
    }
    values.put("items", items);
    // everything about people who are not officials, and the opinions, stays out of the model altogether
    for (String personal : List.of("presentMembers", "absentMembers", "presentInvitees", "invitees",
        "dissentingOpinions", "audioRecording", "videoLink", "place", "location", "formatText")) {
      values.remove(personal);
    }
    return values;
  }

  /** A template of {@code templates/documents/} filled with {@code values}. */
  public String html(String template, Map<String, Object> values) {
    return engine.process(template, new Context(new Locale("ru"), values));
  }

  private static Map<String, Object> values(Map<String, Object> model, SignatureMark mark,
                                            Certification certification) {
    // a line to sign on; Thymeleaf reads "__" inside an expression as preprocessing, so it comes as a value
    model.put("blank", "_______________ ");
    model.put("signatureMark", mark);
    model.put("signedAtText", mark == null || mark.signedAt() == null ? ""
        : RussianDates.numericDateTime(mark.signedAt().atZoneSameInstant(RussianDates.ZONE)));
    model.put("certification", certification);
    return model;
  }

  /** Pages from the first that shows the appendix's heading to the end. */
  static int appendixPages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      int pages = document.getNumberOfPages();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        if (stripper.getText(document).contains(APPENDIX_HEADING)) {
          return pages - page + 1;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the rendered minutes", e);
    }
  }
}
