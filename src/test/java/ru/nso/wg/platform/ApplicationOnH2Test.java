package ru.nso.wg.platform;

import org.springframework.test.context.TestPropertySource;

/** {@link AbstractApplicationTest} on the embedded default database, H2 (in memory here). */
@TestPropertySource(properties = "spring.datasource.password=h2-Test-Secret-4-Health")
class ApplicationOnH2Test extends AbstractApplicationTest {

  @Override
  String expectedDatabaseProduct() {
    return "H2";
  }
}
