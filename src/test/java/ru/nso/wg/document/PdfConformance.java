package ru.nso.wg.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** veraPDF's verdict on a PDF (PDF/A-2u) and the text of a PDF as PDFBox reads it, for the tests. */
public final class PdfConformance {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfConformance() {
  }

  /** The failed rules of PDF/A-2u («6.2.11.4.1: …»), empty when the document conforms. */
  public static String violations(byte[] pdf) {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
        PDFAFlavour.PDFA_2_U);
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false)) {
      ValidationResult result = validator.validate(parser);
      if (result.isCompliant()) {
        return "";
      }
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
          .distinct().collect(Collectors.joining("\n"));
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF could not validate the document", e);
    }
  }

  /**
   * For the browser tests (e2e/lib/pdf.mjs): {@code PdfConformance <file.pdf>} prints one JSON object, the PDF/A-2u
   * violations ({@code ""} when it conforms) and the text.
   */
  public static void main(String[] args) throws IOException {
    byte[] pdf = Files.readAllBytes(Path.of(args[0]));
    System.out.println(new ObjectMapper().writeValueAsString(Map.of("violations", violations(pdf), "text", text(pdf))));
  }

  /** The text of the PDF, every run of white space (line ends too) as one space. */
  public static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
