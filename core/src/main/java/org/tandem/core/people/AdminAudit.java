package org.tandem.core.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.tenants.TenantId;

/**
 * The trail of admin actions of a tenant. Use cases record here inside their own transaction, so a
 * change and its line in the trail are stored together or not at all; admins read it, newest first,
 * a page at a time.
 */
@Service
public class AdminAudit {

  /** The most entries one page holds. */
  public static final int MAX_PAGE = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> DETAIL =
      new TypeReference<>() {};

  /** What an admin did. */
  public enum Kind {
    INSTALLED,
    POLICY_CHANGED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    LINK_CODE_ISSUED,
    TENANT_LINKED,
    IMPORTED,
    /** An admin changed one person's site, department, country or line manager. */
    DIRECTORY_CHANGED,
    /** The chat platform removed Tandem (an admin uninstalled it there): its token is deleted. */
    UNINSTALLED,
    /** An admin issued the identity provider's SCIM token (never recorded itself). */
    SCIM_TOKEN_ISSUED,
    /** The company directory deactivated a person: their roles are gone. */
    PERSON_DEACTIVATED,
    /** The company directory made a deactivated person active again (as an employee). */
    PERSON_REACTIVATED,
    /** A country's override of the policy set or removed. */
    COUNTRY_OVERRIDE,
    /** A person's name and contacts erased, by an admin or after the retention period. */
    ERASED,
    /**
     * A setup checklist step marked by an admin (the directory skipped, the announcement shown).
     */
    SETUP_STEP
  }

  /** One line of the trail; {@code detail} holds what changed, as names and values. */
  public record Entry(long id, Instant at, String actor, Kind kind, Map<String, String> detail) {
    public Entry {
      detail = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }
  }

  /** A page, newest first; {@code olderThan} is where the next page starts, null at the end. */
  public record Page(List<Entry> entries, Long olderThan) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  private final JdbcClient jdbc;
  private final Authority authority;

  AdminAudit(JdbcClient jdbc, Authority authority) {
    this.jdbc = jdbc;
    this.authority = authority;
  }

  /** Records an action of a person of the tenant, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(TenantId tenant, long actorId, Kind kind, Map<String, ?> detail) {
    record(tenant, tenant, actorId, kind, detail);
  }

  /**
   * Records in {@code tenant} an action of a person of {@code actorsTenant}: linking a workspace
   * into a company is done by an admin of the workspace, recorded in the company's trail.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      TenantId tenant, TenantId actorsTenant, long actorId, Kind kind, Map<String, ?> detail) {
    String name =
        jdbc.sql("select display_name from employee where tenant_id = ? and id = ?")
            .params(actorsTenant.value(), actorId)
            .query(String.class)
            .optional()
            .orElse("#" + actorId);
    insert(tenant, tenant.equals(actorsTenant) ? actorId : null, name, kind, detail);
  }

  private void insert(
      TenantId tenant, Long actorId, String name, Kind kind, Map<String, ?> detail) {
    Map<String, String> shown = new LinkedHashMap<>();
    detail.forEach((k, v) -> shown.put(k, v == null ? "" : v.toString()));
    String json;
    try {
      json = JSON.writeValueAsString(shown);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    jdbc.sql(
            """
            insert into admin_audit (tenant_id, actor_id, actor_name, action, detail)
            values (?, ?, ?, ?, ?::jsonb)""")
        .params(tenant.value(), actorId, name, kind.name(), json)
        .update();
  }

  /**
   * Records what a chat platform did on a workspace admin's behalf (Slack's {@code
   * app_uninstalled}): the person is not known to Tandem, the platform is named instead.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordPlatform(TenantId tenant, String platform, Kind kind, Map<String, ?> detail) {
    insert(tenant, null, platform, kind, detail);
  }

  /**
   * The latest {@code limit} entries (at most {@link #MAX_PAGE}) older than {@code olderThan}
   * (null: the newest), for an admin of the tenant; anyone else is refused and reads nothing.
   */
  @Transactional(readOnly = true)
  public Outcome<Page> read(TenantId tenant, long readerId, int limit, Long olderThan) {
    Optional<Refusal> no = authority.refusal(tenant, readerId, Authority.Action.READ_ADMIN_AUDIT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    List<Entry> rows =
        jdbc.sql(
                """
                select id, created_at, actor_name, action, detail::text from admin_audit
                where tenant_id = ? and id < ? order by id desc limit ?""")
            .params(
                tenant.value(),
                olderThan == null ? Long.MAX_VALUE : olderThan.longValue(),
                size + 1)
            .query(
                (rs, n) ->
                    new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        Kind.valueOf(rs.getString(4)),
                        detail(rs.getString(5))))
            .list();
    boolean more = rows.size() > size;
    List<Entry> page = more ? rows.subList(0, size) : rows;
    return Outcome.done(new Page(page, more ? page.get(page.size() - 1).id() : null));
  }

  private static Map<String, String> detail(String json) {
    try {
      return JSON.readValue(json, DETAIL);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("admin_audit.detail is not an object of strings", e);
    }
  }
}
