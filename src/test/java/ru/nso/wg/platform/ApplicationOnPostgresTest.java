package ru.nso.wg.platform;

import org.springframework.test.context.ContextConfiguration;

/** {@link AbstractApplicationTest} on a real PostgreSQL, the production database ({@link PostgresTestSupport}). */
@ContextConfiguration(initializers = PostgresTestSupport.class)
class ApplicationOnPostgresTest extends AbstractApplicationTest {

  @Override
  String expectedDatabaseProduct() {
    return "PostgreSQL";
  }
}
