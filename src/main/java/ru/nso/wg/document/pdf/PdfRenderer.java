package ru.nso.wg.document.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * XHTML to PDF/A-2u with openhtmltopdf and PDFBox: pure Java, so the application renders its documents without
 * LibreOffice or any installed font. The fonts are DejaVu Serif (regular, bold, italic, bold italic) shipped in
 * {@code src/main/resources/fonts/} with their licence and embedded (subset) into every document; the output intent is
 * the sRGB profile of the JDK ({@link ICC_Profile#getInstance(int)}); openhtmltopdf writes the XMP metadata
 * ({@code pdfaid:part=2}, {@code conformance=U}) from the document's {@code <title>}.
 *
 * <p>The input must be well-formed XHTML (the templates of {@code templates/documents/} are); the CSS family of the
 * text is {@value #FAMILY}.
 */
@Component
public class PdfRenderer {

  /** The font family the document templates use. */
  public static final String FAMILY = "DejaVu Serif";
  public static final String CONTENT_TYPE = "application/pdf";

  private record Face(String file, int weight, FontStyle style) {
  }

  private static final List<Face> FACES = List.of(
      new Face("fonts/DejaVuSerif.ttf", 400, FontStyle.NORMAL),
      new Face("fonts/DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
      new Face("fonts/DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
      new Face("fonts/DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));

  private final List<byte[]> fonts;
  private final byte[] srgb;

  public PdfRenderer() {
    this.fonts = FACES.stream().map(face -> read(face.file())).toList();
    this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  /** The PDF/A-2u of the XHTML document {@code xhtml}. */
  public byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
    builder.useColorProfile(srgb);
    builder.withProducer("wg-meetings (openhtmltopdf, PDFBox)");
    for (int i = 0; i < FACES.size(); i++) {
      byte[] font = fonts.get(i);
      builder.useFont(() -> new ByteArrayInputStream(font), FAMILY, FACES.get(i).weight(), FACES.get(i).style(), true);
    }
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the PDF", e);
    }
    return out.toByteArray();
  }

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
