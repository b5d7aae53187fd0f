package ru.nso.wg.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.notification.DeliveryLog;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.platform.PostgresTestSupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations V20–V21 and the SQL of the store and the delivery log on a real PostgreSQL (production). */
class PostgresMigrationTest {

  static DataSource dataSource;

  @BeforeAll
  static void start() {
    dataSource = PostgresTestSupport.newMigratedDataSource();
  }

  @Test
  void documentsAreStoredSignedAndVerifiedOnPostgres() {
    DocumentStore store = new DocumentStore(new JdbcTemplate(dataSource));
    byte[] bytes = "docx bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    store.save("2026-50", DocumentKind.MINUTES_DRAFT, "Протокол.docx", DocumentStore.DOCX, bytes, "smirnova");

    StoredDocument signed = store.sign("2026-50", "lebedeva", "Протокол.docx");

    assertThat(signed.content()).isEqualTo(bytes);
    assertThat(store.verify("2026-50").intact()).isTrue();
    assertThatThrownBy(() -> store.sign("2026-50", "lebedeva", "Протокол.docx")).isInstanceOf(Refusal.class);
    new JdbcTemplate(dataSource).update("UPDATE wg_document SET content = ? WHERE id = ?", new byte[] {1, 2, 3},
        signed.id());
    assertThat(store.verify("2026-50").intact()).isFalse();
  }

  @Test
  void deliveriesAreLoggedInTheirOwnTransactionOnPostgres() {
    DataSourceTransactionManager tm = new DataSourceTransactionManager(dataSource);
    DeliveryLog log = new DeliveryLog(new JdbcTemplate(dataSource), tm);
    Recipient petrov = new Recipient(null, "Петров Пётр Петрович", null, "Petrov@Example.com");

    TransactionTemplate outer = new TransactionTemplate(tm);
    assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
      assertThat(log.claim("2026-51", "agenda#0", petrov, "<id@wg-meetings>", "Повестка", "smtp"))
          .isEqualTo(DeliveryLog.Claim.NEW);
      throw new IllegalStateException("the job dies after the send, before «sent»");
    })).hasMessageContaining("the job dies");

    assertThat(log.inDoubt("2026-51", "agenda#0")).containsExactly("petrov@example.com");
    assertThat(log.claim("2026-51", "agenda#0", petrov, "<id@wg-meetings>", "Повестка", "smtp"))
        .isEqualTo(DeliveryLog.Claim.IN_DOUBT);
    log.markSent("2026-51", "agenda#0", "petrov@example.com");
    assertThat(log.isDelivered("2026-51", "agenda#0", "petrov@example.com")).isTrue();
    assertThat(log.claim("2026-51", "agenda#0", petrov, "<id@wg-meetings>", "Повестка", "smtp"))
        .isEqualTo(DeliveryLog.Claim.SENT);
    assertThat(log.count("2026-51", "agenda#0")).isEqualTo(1);
    assertThat(log.recipientsOf("2026-51", List.of("agenda#", "invitation#")))
        .extracting(Recipient::email).containsExactly("petrov@example.com");
    assertThat(log.recipientsOf("2026-51", List.of("postponement#"))).isEmpty();
  }
}
