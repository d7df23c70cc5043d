package org.tandem.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.tenants.TenantId;

/**
 * People Slack said cannot be reached (deactivated, deleted, no such conversation) and installs
 * whose token is dead (revoked, workspace gone): the outbox skips them at once instead of calling
 * Slack again for every message. A person's mark goes when they write to Tandem again.
 */
class SlackUnreachable {

  private static final Logger log = LoggerFactory.getLogger(SlackUnreachable.class);

  /** chat.postMessage errors that mean this person's conversation with Tandem is gone. */
  static final Set<String> PERSON_GONE =
      Set.of("user_not_found", "user_disabled", "channel_not_found");

  /** Errors that mean the install's token no longer works (app removed, workspace deleted). */
  static final Set<String> INSTALL_GONE =
      Set.of("account_inactive", "invalid_auth", "not_authed", "token_revoked");

  /** Slack refused a delivery for good: {@code install} when it is the whole install. */
  static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean install;

    Gone(String error, boolean install) {
      super(error, null, false, false);
      this.install = install;
    }

    boolean install() {
      return install;
    }
  }

  private final JdbcClient jdbc;

  SlackUnreachable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the person (their Slack user id), or the install of this token, is marked. */
  boolean marked(TenantId tenant, String userId, String token) {
    return jdbc.sql(
                "select count(*) from slack_unreachable where tenant_id = ? and address in (?, ?)")
            .params(tenant.value(), "user:" + userId, install(token))
            .query(Integer.class)
            .single()
        > 0;
  }

  void mark(TenantId tenant, String userId, String token, Gone gone) {
    String address = gone.install() ? install(token) : "user:" + userId;
    log.warn(
        "Slack answered {} for {} of tenant {}: not tried again there",
        gone.getMessage(),
        gone.install() ? "the install" : userId,
        tenant.value());
    jdbc.sql(
            """
            insert into slack_unreachable (tenant_id, address, reason) values (?, ?, ?)
            on conflict (tenant_id, address) do update set reason = excluded.reason""")
        .params(tenant.value(), address, gone.getMessage())
        .update();
  }

  /** The person wrote to Tandem: they can be reached again. */
  void clear(TenantId tenant, String userId) {
    jdbc.sql("delete from slack_unreachable where tenant_id = ? and address = ?")
        .params(tenant.value(), "user:" + userId)
        .update();
  }

  /** An install is known by a digest of its token: a reinstall brings a new one. */
  static String install(String token) {
    return "install:" + digest(token);
  }

  /** A short digest of a token, never the token itself. */
  static String digest(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
