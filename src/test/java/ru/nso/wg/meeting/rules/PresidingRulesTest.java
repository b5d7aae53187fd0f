package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Test;
import ru.nso.wg.meeting.rules.PresidingRules.ChairInstruction;
import ru.nso.wg.meeting.rules.PresidingRules.InstructionForm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** § 10: the chair presides, or a deputy chair present for the item, on the chair's instruction. */
class PresidingRulesTest {

  static final Map<String, String> NAMES = Map.of("chair", "Соколов А. В.", "deputy", "Лебедева О. Н.",
      "member", "Васильев П. А.");
  static final List<String> DEPUTIES = List.of("deputy");
  static final ChairInstruction ORAL = new ChairInstruction(InstructionForm.ORAL, "по телефону",
      LocalDate.of(2026, 12, 16));

  @Test
  void p10_theChairPresentPresidesWithoutAnInstruction() {
    assertThat(PresidingRules.check("chair", 1, "chair", DEPUTIES, Set.of("chair"), null, NAMES)).isEmpty();
  }

  @Test
  void p10_aDeputyPresidesOnTheChairsInstructionWithItsFormReferenceAndDate() {
    assertThat(PresidingRules.check("deputy", 3, "chair", DEPUTIES, Set.of("deputy"), ORAL, NAMES)).isEmpty();
    assertThat(PresidingRules.check("deputy", 3, "chair", DEPUTIES, Set.of("deputy"),
        new ChairInstruction(InstructionForm.WRITTEN, "№ 15", null), NAMES))
        .singleElement().asString().contains("Поручение председателя", "дату поручения", "п. 10");
    assertThat(PresidingRules.check("deputy", 3, "chair", DEPUTIES, Set.of("deputy"), null, NAMES))
        .hasSize(3);
  }

  @Test
  void p10_aMemberWhoIsNeitherChairNorDeputyCannotPreside() {
    assertThat(PresidingRules.check("member", 1, "chair", DEPUTIES, Set.of("member"), ORAL, NAMES))
        .singleElement().asString().contains("«Васильев П. А.» не является председателем", "п. 10");
  }

  @Test
  void p10_onlyAPersonPresentForTheItemCanPresideOverIt() {
    assertThat(PresidingRules.check("deputy", 4, "chair", DEPUTIES, Set.of("chair"), ORAL, NAMES))
        .singleElement().asString().contains("«Лебедева О. Н.» не отмечен(а)", "с вопроса 4", "п. 10");
  }

  @Test
  void p10_theMinutesNameTheItemsEachPersonPresidedOver() {
    assertThat(PresidingRules.itemsText(List.of(3))).isEqualTo("вопрос 3");
    assertThat(PresidingRules.itemsText(List.of(1, 2))).isEqualTo("вопросы 1–2");
    assertThat(PresidingRules.itemsText(List.of(1, 3, 4, 6))).isEqualTo("вопросы 1, 3–4, 6");
    assertThat(ORAL.text("16.12.2026")).isEqualTo("устное поручение от 16.12.2026, по телефону");
  }
}
