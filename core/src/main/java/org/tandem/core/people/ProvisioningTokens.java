package org.tandem.core.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;

/**
 * The bearer token a company's identity provider presents to Tandem's SCIM endpoint. An admin
 * issues it in chat and sees it once; only its SHA-256 is stored (256 random bits need no slow
 * hash: nobody can guess their way back), and a new one replaces the old at once.
 */
@Service
public class ProvisioningTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Authority authority;
  private final AdminAudit audit;

  ProvisioningTokens(JdbcClient jdbc, Authority authority, AdminAudit audit) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.audit = audit;
  }

  /** A new token for the admin's company, replacing any earlier one; admins only. */
  @Transactional
  public Outcome<String> issue(TenantId tenant, long adminId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.CONNECT_DIRECTORY);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = "tdm_scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    boolean replaced =
        jdbc.sql("select exists (select 1 from scim_token where tenant_id = ?)")
            .param(tenant.value())
            .query(Boolean.class)
            .single();
    jdbc.sql(
            """
            insert into scim_token (tenant_id, token_hash, issued_by) values (?, ?, ?)
            on conflict (tenant_id) do update
            set token_hash = excluded.token_hash, issued_by = excluded.issued_by, issued_at = now()""")
        .params(tenant.value(), hash(token), adminId)
        .update();
    audit.record(tenant, adminId, AdminAudit.Kind.SCIM_TOKEN_ISSUED, Map.of("replaced", replaced));
    return Outcome.done(token);
  }

  /** The company whose identity provider holds this token; empty for any other string. */
  @Transactional(readOnly = true)
  public Optional<TenantId> company(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return jdbc.sql("select tenant_id from scim_token where token_hash = ?")
        .param(hash(token))
        .query(Long.class)
        .optional()
        .map(TenantId::new);
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
