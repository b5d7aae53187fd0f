package ru.nso.wg.document;

import org.junit.jupiter.api.Test;
import ru.nso.wg.document.pdf.PdfRenderer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PdfDocumentsTest {

  private static final PdfDocuments PDF = new PdfDocuments(new PdfRenderer());

  @Test
  void minutesArePdfA2uWithTheRequisitesOfTheStandard() throws Exception {
    byte[] pdf = PDF.minutes(Fixtures.minutes("2026-3"), null, null);
    Files.write(Path.of("target/minutes-test.pdf"), pdf);

    assertThat(PdfConformance.violations(pdf)).isEmpty();
    String text = PdfConformance.text(pdf);
    assertThat(text).contains("МЕЖВЕДОМСТВЕННАЯ РАБОЧАЯ ГРУППА", "ПРОТОКОЛ", "13 мая 2026 г.", "№ 3",
        "г. Новосибирск", "Председательствующий: Лебедева Ольга Николаевна", "Секретарь: Смирнова Юлия Сергеевна",
        "Присутствовали:", "ПОВЕСТКА ДНЯ", "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "РЕШИЛИ:",
        "Голосовали: за – 6, против – 1, воздержались – 1.", "Приложение: особые мнения на 1 л. в 1 экз.",
        "ОСОБЫЕ МНЕНИЯ", "не учтены муниципальные образования", "_______________ Ю.С. Смирнова");
  }
}
