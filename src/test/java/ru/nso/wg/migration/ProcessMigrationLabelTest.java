package ru.nso.wg.migration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the migration request names a running instance in its checklist and table ({@code forms/migrate-instances.form}):
 * a meeting by its number as staff write it, other instances by their business key.
 */
class ProcessMigrationLabelTest {

  @Test
  void aMeetingIsNamedByItsNumberAsStaffWriteIt() {
    var meeting = new ProcessMigration.Candidate("4f2a", "2026-3", List.of(), List.of());

    assertThat(ProcessMigration.label(meeting)).isEqualTo("№ 3/2026 (экземпляр 4f2a)");
  }

  @Test
  void anotherInstanceKeepsItsBusinessKeyAndOneWithoutIsNamedByItsId() {
    var request = new ProcessMigration.Candidate("9b1c", "request-7", List.of(), List.of());
    var bare = new ProcessMigration.Candidate("77aa", null, List.of(), List.of());

    assertThat(ProcessMigration.label(request)).isEqualTo("№ request-7 (экземпляр 9b1c)");
    assertThat(ProcessMigration.label(bare)).isEqualTo("(экземпляр 77aa)");
  }
}
