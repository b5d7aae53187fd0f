package ru.nso.wg.roster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The maintained list of the region's executive bodies an instruction may name (src/main/resources/roster). */
class ExecutiveBodiesTest {

  @TempDir
  Path temp;

  @Test
  void theBundledListNamesTheMinistriesOfTheRegion() {
    ExecutiveBodies bodies = new ExecutiveBodies("");
    assertThat(bodies.all())
        .containsEntry("oiv-mincifra", "Министерство цифрового развития и связи Новосибирской области")
        .containsEntry("oiv-minfin", "Министерство финансов и налоговой политики Новосибирской области")
        .hasSizeGreaterThan(15);
    assertThat(bodies.all().keySet()).allMatch(id -> id.startsWith(ExecutiveBodies.PREFIX));
    assertThat(bodies.isBody("vasiliev")).isFalse();
  }

  @Test
  void theAdministratorsFileIsReadAgainWhenItChangesAndABrokenEditKeepsTheListInForce() throws Exception {
    Path file = temp.resolve("bodies.txt");
    Files.writeString(file, "# наш список\nminfin; Министерство финансов и налоговой политики Новосибирской области\n");
    ExecutiveBodies bodies = new ExecutiveBodies(file.toString());
    assertThat(bodies.all()).containsOnlyKeys("oiv-minfin");

    Files.writeString(file, "minfin; Министерство финансов и налоговой политики Новосибирской области\n"
        + "mintourism; Министерство туризма Новосибирской области\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(bodies.all()).containsOnlyKeys("oiv-minfin", "oiv-mintourism");

    Files.writeString(file, "Министерство без кода\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(bodies.all()).as("the previous list stays in force").containsOnlyKeys("oiv-minfin", "oiv-mintourism");
  }

  @Test
  void aBrokenListIsRefusedWithItsLineNumbers() {
    assertThatThrownBy(() -> ExecutiveBodies.parse("a; Министерство А\nБез кода\na; Министерство Б\n", "x"))
        .hasMessageContaining("строка 2: ожидается «код; наименование»")
        .hasMessageContaining("строка 3: код «a» уже встречался");
    assertThatThrownBy(() -> ExecutiveBodies.parse("# только комментарий\n", "x")).hasMessageContaining("пуст");
    Path missing = temp.resolve("нет.txt");
    assertThatThrownBy(() -> new ExecutiveBodies(missing.toString())).hasMessageContaining("не прочитан");
  }
}
