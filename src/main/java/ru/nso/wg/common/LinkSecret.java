package ru.nso.wg.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * The key that signs links in e-mail ({@link LinkTokens}): {@code wg.links.secret} ({@code WG_LINK_SECRET}, required
 * in {@code prod} by {@code security.ProductionSecretsCheck}); when it is empty (the embedded default), a random key
 * generated once per database and kept in {@code wg_link_secret}, so every node of one database signs alike and a
 * restart keeps the links valid.
 */
@Component
public class LinkSecret {

  private final String configured;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private volatile LinkTokens tokens;

  public LinkSecret(@Value("${wg.links.secret:}") String configured, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions) {
    this.configured = configured;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The tokens signed with this installation's key. */
  public LinkTokens tokens() {
    LinkTokens current = tokens;
    if (current == null) {
      current = new LinkTokens(configured.isBlank() ? generated() : configured);
      tokens = current;
    }
    return current;
  }

  private String generated() {
    String stored = stored();
    if (stored != null) {
      return stored;
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    try {
      // in a transaction of its own: a node that loses the race must not abort the caller's transaction
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO wg_link_secret (id, secret, created_at) VALUES (1, ?, ?)",
          Base64.getEncoder().encodeToString(bytes), OffsetDateTime.now(ZoneOffset.UTC)));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // the other node's key is the key
    }
    return stored();
  }

  private String stored() {
    return jdbc.query("SELECT secret FROM wg_link_secret WHERE id = 1", (rs, i) -> rs.getString(1)).stream()
        .findFirst().orElse(null);
  }
}
