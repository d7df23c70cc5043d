package org.tandem.core.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Authority;

/**
 * One company on Slack and Teams: an admin of tenant A issues a one-time code; an admin of tenant
 * B, on the other platform, redeems it, and B's workspace or tenant id becomes an alias of A, so
 * every later Slack event or Teams activity of B lands in A. B must hold nothing that would be lost
 * (no missions, associations, commitments or hours): its people are dropped and enrolled again in A
 * on their next message, matched by email; its channel rows move to A.
 */
@Service
public class TenantLinks {

  /** No 0/O, 1/I/L or U/V: a code read aloud or copied by hand is typed right. */
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";

  static final int LENGTH = 8;

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final ObjectProvider<ChannelRows> channels;
  private final Authority authority;
  private final AdminAudit audit;
  private final SecureRandom random = new SecureRandom();

  TenantLinks(
      JdbcClient jdbc,
      Tenants tenants,
      ObjectProvider<ChannelRows> channels,
      Authority authority,
      AdminAudit audit) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.channels = channels;
    this.authority = authority;
    this.audit = audit;
  }

  /** An admin of the tenant gets a code, valid 24 hours, to type on the other platform. */
  @Transactional
  public Outcome<LinkCode> issue(TenantId tenant, long adminId) {
    Optional<Refusal> no = authority.refusal(tenant, adminId, Authority.Action.LINK_TENANT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (tenants.find(tenant).map(t -> t.platform() == Platform.LOCAL).orElse(true)) {
      return Outcome.refused(ReasonCode.LINK_DEMO_COMPANY);
    }
    while (true) {
      String code = newCode();
      Optional<OffsetDateTime> expires =
          jdbc.sql(
                  """
                  insert into tenant_link_code (code_hash, tenant_id, created_by, expires_at)
                  values (?, ?, ?, now() + interval '24 hours')
                  on conflict (code_hash) do nothing returning expires_at""")
              .params(hash(code), tenant.value(), adminId)
              .query(OffsetDateTime.class)
              .optional();
      if (expires.isPresent()) {
        // The trail never holds the code: it would let anyone who reads it link a workspace.
        audit.record(
            tenant,
            adminId,
            AdminAudit.Kind.LINK_CODE_ISSUED,
            java.util.Map.of("expires", expires.get().toInstant().toString()));
        return Outcome.done(
            new LinkCode(
                code.substring(0, 4) + "-" + code.substring(4), expires.get().toInstant()));
      }
    }
  }

  /**
   * An admin of tenant {@code here} redeems a code issued in another tenant: {@code here} becomes
   * part of that tenant, which is returned. Refused, with nothing changed, for an unknown, expired
   * or used code, a code of this same tenant or of the same platform, someone who is not an admin,
   * or a tenant holding missions, associations, commitments or hours, and whenever either side is
   * the try-it chat's demo company.
   */
  @Transactional
  public Outcome<Tenant> redeem(TenantId here, long adminId, String typed) {
    Optional<Refusal> no = authority.refusal(here, adminId, Authority.Action.LINK_TENANT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<String> code = normalise(typed);
    if (code.isEmpty()) {
      return Outcome.refused(ReasonCode.LINK_CODE_UNKNOWN);
    }
    String hash = hash(code.get());
    Optional<Issued> issued = issued(hash);
    if (issued.isEmpty()) {
      return Outcome.refused(ReasonCode.LINK_CODE_UNKNOWN);
    }
    if (issued.get().used()) {
      return Outcome.refused(ReasonCode.LINK_CODE_USED);
    }
    if (issued.get().expired()) {
      return Outcome.refused(ReasonCode.LINK_CODE_EXPIRED);
    }
    TenantId there = issued.get().tenant();
    if (there.equals(here)) {
      return Outcome.refused(ReasonCode.LINK_SAME_TENANT);
    }
    // Both rows locked in id order: no deadlock between two links, and while B's row is locked
    // nothing new can be inserted for it (foreign keys take a share lock on the tenant row).
    List<Row> rows =
        jdbc.sql(
                "select id, platform, external_id from tenant where id in (?, ?) order by id for update")
            .params(here.value(), there.value())
            .query(
                (rs, n) ->
                    new Row(rs.getLong(1), Platform.valueOf(rs.getString(2)), rs.getString(3)))
            .list();
    Optional<Row> from = rows.stream().filter(r -> r.id() == here.value()).findFirst();
    Optional<Row> into = rows.stream().filter(r -> r.id() == there.value()).findFirst();
    if (from.isEmpty() || into.isEmpty()) {
      // Linked or purged meanwhile: say what happened to the code if it was that.
      return Outcome.refused(
          issued(hash).filter(Issued::used).isPresent()
              ? ReasonCode.LINK_CODE_USED
              : ReasonCode.NOT_FOUND);
    }
    // The try-it chat's company is run by anyone on its page: nothing real may ever join it.
    if (from.get().platform() == Platform.LOCAL || into.get().platform() == Platform.LOCAL) {
      return Outcome.refused(ReasonCode.LINK_DEMO_COMPANY);
    }
    if (from.get().platform() == into.get().platform()) {
      return Outcome.refused(ReasonCode.LINK_SAME_PLATFORM, into.get().platform().displayName());
    }
    Tenant target = tenants.find(there).orElseThrow();
    if (holdsData(here)) {
      return Outcome.refused(ReasonCode.LINK_TENANT_HAS_DATA, target.name());
    }
    int consumed =
        jdbc.sql(
                """
                update tenant_link_code set used_at = now(), used_by = ?
                where code_hash = ? and used_at is null and expires_at > now()""")
            .params(from.get().platform().name() + ":" + from.get().externalId(), hash)
            .update();
    if (consumed == 0) {
      return Outcome.refused(ReasonCode.LINK_CODE_USED);
    }
    audit.record(
        there,
        here,
        adminId,
        AdminAudit.Kind.TENANT_LINKED,
        java.util.Map.of(
            "linked", from.get().platform().displayName() + " " + from.get().externalId()));
    merge(from.get(), there);
    return Outcome.done(target);
  }

  /**
   * B's id (and the ids already linked to B) now lead to A; channel rows move to A; B goes, with
   * its people and their identities, its country policies and its codes.
   */
  private void merge(Row from, TenantId into) {
    Tenants.lockCreation(jdbc, from.platform(), from.externalId());
    jdbc.sql("update tenant_alias set tenant_id = ? where tenant_id = ?")
        .params(into.value(), from.id())
        .update();
    jdbc.sql("insert into tenant_alias (platform, external_id, tenant_id) values (?, ?, ?)")
        .params(from.platform().name(), from.externalId(), into.value())
        .update();
    TenantId gone = new TenantId(from.id());
    channels.orderedStream().forEach(c -> c.move(gone, into));
    jdbc.sql("delete from tenant where id = ?").param(from.id()).update();
  }

  private boolean holdsData(TenantId tenant) {
    return jdbc.sql(
            """
            select exists (select 1 from mission where tenant_id = :t)
                or exists (select 1 from association where tenant_id = :t)
                or exists (select 1 from commitment where tenant_id = :t)
                or exists (select 1 from hour_entry where tenant_id = :t)""")
        .param("t", tenant.value())
        .query(Boolean.class)
        .single();
  }

  private Optional<Issued> issued(String hash) {
    return jdbc.sql(
            """
            select tenant_id, used_at is not null, expires_at <= now()
            from tenant_link_code where code_hash = ?""")
        .param(hash)
        .query(
            (rs, n) -> new Issued(new TenantId(rs.getLong(1)), rs.getBoolean(2), rs.getBoolean(3)))
        .optional();
  }

  private String newCode() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** "k7qm 4pxd", "K7QM-4PXD" and "K7QM4PXD" are the same code; anything else is none. */
  static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
    if (s.length() != LENGTH || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Issued(TenantId tenant, boolean used, boolean expired) {}

  private record Row(long id, Platform platform, String externalId) {}
}
