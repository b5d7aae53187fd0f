package ru.nso.wg.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.document.model.MinutesModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentServiceTest {

  @TempDir
  Path noOverrides;

  private DocumentService service() {
    return new DocumentService(new TemplateResources(noOverrides), null);
  }

  static String text(byte[] docx) {
    return Fixtures.docxText(docx);
  }

  @Test
  void minutesContainEveryRequiredPart() throws IOException {
    MinutesModel model = Fixtures.minutes("2026-3");
    String text = text(service().minutes(model));

    assertThat(text).doesNotContain("{{").doesNotContain("}}");
    assertThat(text).contains("ПРОТОКОЛ",
        "заседания межведомственной рабочей группы по внедрению клиентоцентричности в Новосибирской области",
        "13 мая 2026 г.", "№ 3", "г. Новосибирск",
        "Формат проведения: очное, г. Новосибирск, Красный проспект, 18, зал заседаний № 501",
        "Время начала: 10:00",
        "Председательствующий: Лебедева Ольга Николаевна",
        "по поручению председателя Рабочей группы (п. 10 Положения)",
        "Секретарь: Смирнова Юлия Сергеевна",
        "Присутствовали:", "Кузнецова Елена Игоревна", "(в режиме ВКС)",
        "Приглашённые:", "Петров Пётр Петрович", "Директор, АНО «Центр компетенций»",
        "Отсутствовали:", "Соколов Андрей Викторович",
        "Присутствуют 8 из 10 членов Рабочей группы. Кворум имеется, заседание правомочно (п. 15 Положения).",
        "Аудиозапись № 2026-3",
        "ПОВЕСТКА ДНЯ",
        "1. Об утверждении регионального стандарта клиентоцентричности",
        "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "РЕШИЛИ:",
        "Васильев П.А. поддержал проект.", "Новикова Т.П. предложила уточнить сроки.",
        "Голосовали: за – 6, против – 1, воздержались – 1.",
        "Решение принято простым большинством голосов от числа присутствующих (п. 16 Положения).",
        "1.1. Разместить стандарт на портале. Исполнитель: Министерство цифрового развития и связи. "
            + "Контроль: Цифровая трансформация сферы государственного управления. Срок исполнения: 1 июня 2026 г.",
        "Голосовали: за – 4, против – 4, воздержались – 0.",
        "При равенстве голосов решение принято решающим голосом председательствующего (п. 16 Положения).",
        "Голосовали: за – 3, против – 3, воздержались – 2.",
        "Голоса «за» и «против» разделились поровну (за — 3, против — 3; воздержались — 2). Решение не принято: "
            + "результат голосования подтверждён председательствующим (п. 16 Положения).",
        "Председательствующий", "О.Н. Лебедева", "Ю.С. Смирнова",
        "Приложение", "ОСОБЫЕ МНЕНИЯ", "(п. 17 Положения)",
        "Особое мнение по вопросу 2 «О медиаплане на 2026 год». Член Рабочей группы: Фёдоров Игорь Михайлович "
            + "(Заместитель министра образования)",
        "Считаю медиаплан недостаточно проработанным", "14 мая 2026 г.", "И.М. Фёдоров");
    // ВЫСТУПИЛИ appears only for the item that has speakers
    assertThat(text.split("ВЫСТУПИЛИ:", -1)).hasSize(2);
    assertThat(text.split("СЛУШАЛИ:", -1)).hasSize(4);
    // the order of the official protocol
    assertThat(text.indexOf("Присутствовали:")).isLessThan(text.indexOf("ПОВЕСТКА ДНЯ"));
    assertThat(text.indexOf("ПОВЕСТКА ДНЯ")).isLessThan(text.indexOf("СЛУШАЛИ:"));
    assertThat(text.indexOf("РЕШИЛИ:")).isLessThan(text.indexOf("ОСОБЫЕ МНЕНИЯ"));
  }

  @Test
  void minutesWithoutOptionalPartsLeaveNoEmptySections() throws IOException {
    MinutesModel full = Fixtures.minutes("2026-4");
    MinutesModel bare = new MinutesModel(full.meeting(), full.presentMembers(), List.of(), null,
        List.of(), "", full.items().subList(0, 1), List.of(), null, null);
    String text = text(service().minutes(bare));

    assertThat(text).doesNotContain("{{").doesNotContain("Приглашённые:").doesNotContain("Отсутствовали:")
        .doesNotContain("ОСОБЫЕ МНЕНИЯ").doesNotContain("Секретарь").doesNotContain("аудионоситель");
    assertThat(text).contains("Присутствуют 8 из 8 членов Рабочей группы. Кворум имеется");
  }

  @Test
  void agendaContainsItemsSpeakersMaterialsAndInvitees() throws IOException {
    String text = text(service().agenda(Fixtures.meeting("2026-3", 0)));

    assertThat(text).doesNotContain("{{");
    assertThat(text).contains("УТВЕРЖДАЮ", "ПОВЕСТКА", "13 мая 2026 г.", "№ 3", "Время начала: 10:00",
        "1. Об утверждении регионального стандарта клиентоцентричности", "Вид вопроса: Региональный стандарт",
        "Докладчик: Морозов Дмитрий Сергеевич", "Проект стандарта (https://docs.example.org/standard.pdf)",
        "2. О медиаплане на 2026 год", "3. О реестре жизненных ситуаций", "– Реестр (черновик)",
        "Приглашённые:", "Сидорова Анна Ивановна", "О.Н. Лебедева");
    assertThat(text.split("Информационные материалы:", -1)).hasSize(3);
  }

  @Test
  void fileNamesAreRussian() {
    assertThat(DocumentService.minutesFileName(Fixtures.meeting("2026-3", 0)))
        .isEqualTo("Протокол № 3 от 13.05.2026.docx");
    assertThat(DocumentService.draftFileName(Fixtures.meeting("2026-3", 0), 2))
        .isEqualTo("Проект протокола № 3, редакция 2.docx");
    assertThat(DocumentService.agendaFileName(Fixtures.meeting("2026-3", 0)))
        .isEqualTo("Повестка заседания № 3 от 13.05.2026.docx");
  }
}
