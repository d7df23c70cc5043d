package org.tandem.bot.reporting;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.tenants.TenantId;

/**
 * Report charts and CSVs kept in PostgreSQL behind unguessable links (128 random bits) that expire,
 * so any instance of the bot serves them and Teams cards and the try-it chat can show them. They
 * hold only what the report shows: figures per group, never a name.
 */
@Component
public class ReportFiles {

  /** Where the bot serves a file: {@code /reports/files/{token}/{name}}. */
  public static final String PATH = "/reports/files/";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Duration keep;

  ReportFiles(JdbcClient jdbc, @Value("${tandem.reports.files-kept:P30D}") Duration keep) {
    this.jdbc = jdbc;
    this.keep = keep;
  }

  public record Stored(String token, String name, String contentType, byte[] content) {
    public String path() {
      return PATH + token + "/" + name;
    }
  }

  @Transactional
  public Stored store(TenantId tenant, String name, String contentType, byte[] content) {
    return store(tenant, null, name, contentType, content, keep);
  }

  /**
   * A file of one person's own data: kept for {@code kept} only, and deleted with the person when
   * they are erased.
   */
  @Transactional
  public Stored storeFor(
      TenantId tenant,
      long employeeId,
      String name,
      String contentType,
      byte[] content,
      Duration kept) {
    return store(tenant, employeeId, name, contentType, content, kept);
  }

  private Stored store(
      TenantId tenant,
      Long employeeId,
      String name,
      String contentType,
      byte[] content,
      Duration kept) {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    jdbc.sql(
            """
            insert into report_file
              (token, tenant_id, employee_id, file_name, content_type, content, expires_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            token,
            tenant.value(),
            employeeId,
            name,
            contentType,
            content,
            Timestamp.from(Instant.now().plus(kept)))
        .update();
    return new Stored(token, name, contentType, content);
  }

  @Transactional(readOnly = true)
  public Optional<Stored> find(String token) {
    return jdbc.sql(
            """
            select token, file_name, content_type, content from report_file
            where token = ? and expires_at > now()""")
        .params(token)
        .query(
            (rs, n) ->
                new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
        .optional();
  }

  @Transactional
  public int purgeExpired() {
    return jdbc.sql("delete from report_file where expires_at <= now()").update();
  }
}
