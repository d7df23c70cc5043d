package org.tandem.core.campaigns;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Campaigns: a CSR manager launches one (now, or on a date), may change or cancel it until its date
 * begins, and follows its figures. Anyone else is refused and changes nothing; a campaign goes out
 * once ({@link CampaignSending}).
 */
@Service
public class Campaigns {

  /** What each person's message may hold: a name in a list, a message read in one screen. */
  public static final int MAX_NAME = 80;

  public static final int MAX_MESSAGE = 1500;
  public static final int MAX_MISSIONS = 5;

  /** A campaign is planned at most this many days ahead. */
  public static final int MAX_DAYS_AHEAD = 366;

  private final JdbcClient jdbc;
  private final Authority authority;
  private final Tenants tenants;
  private final CampaignSending sending;
  private final CampaignRows rows;

  Campaigns(
      JdbcClient jdbc,
      Authority authority,
      Tenants tenants,
      CampaignSending sending,
      CampaignRows rows) {
    this.jdbc = jdbc;
    this.authority = authority;
    this.tenants = tenants;
    this.sending = sending;
    this.rows = rows;
  }

  /** Whether the person may run campaigns (the command's answer, the form's buttons). */
  @Transactional(readOnly = true)
  public boolean mayRun(TenantId tenant, long actor) {
    return allowed(tenant, actor).isEmpty();
  }

  /** Why the person may not run campaigns, or empty when they may. */
  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(TenantId tenant, long actor) {
    return allowed(tenant, actor);
  }

  /** How many people a campaign's messages were written for (sent or still to send). */
  @Transactional(readOnly = true)
  public int recipients(TenantId tenant, long id) {
    return rows.recipients(tenant, id);
  }

  private Optional<Refusal> allowed(TenantId tenant, long actor) {
    return authority.refusal(tenant, actor, Authority.Action.RUN_CAMPAIGNS);
  }

  /**
   * Launches a campaign. Without a date it goes out at once (each person's message waits for the
   * end of their quiet hours); with one, from 08:00 on that day in each person's time zone.
   */
  @Transactional
  public Outcome<Campaign> launch(TenantId tenant, long actor, CampaignDraft draft, Instant now) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    CampaignDraft d = normalised(draft);
    Optional<Refusal> invalid = validate(tenant, d, now, null);
    if (invalid.isPresent()) {
      return Outcome.refused(invalid.get());
    }
    long id =
        jdbc.sql(
                """
                insert into campaign (tenant_id, name, message, audience, audience_value, send_on,
                                      status, created_by)
                values (?, ?, ?, ?, ?, ?, 'SCHEDULED', ?) returning id""")
            .params(
                tenant.value(),
                d.name(),
                d.message(),
                d.audience().name(),
                d.audienceValue(),
                d.sendOn() == null ? null : Date.valueOf(d.sendOn()),
                actor)
            .query(Long.class)
            .single();
    rows.missions(tenant, id, d.missionIds());
    if (d.sendOn() == null && d.audience() != Audience.CHANNEL) {
      sending.release(tenant, id, now);
    }
    return Outcome.done(rows.find(tenant, id).orElseThrow());
  }

  /** Changes a campaign that has not gone out yet; the same rules as a launch. */
  @Transactional
  public Outcome<Campaign> edit(
      TenantId tenant, long actor, long id, CampaignDraft draft, Instant now) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<Refusal> frozen = changeable(tenant, id);
    if (frozen.isPresent()) {
      return Outcome.refused(frozen.get());
    }
    CampaignDraft d = normalised(draft);
    Optional<Refusal> invalid = validate(tenant, d, now, id);
    if (invalid.isPresent()) {
      return Outcome.refused(invalid.get());
    }
    jdbc.sql(
            """
            update campaign set name = ?, message = ?, audience = ?, audience_value = ?,
                                send_on = ?
            where tenant_id = ? and id = ?""")
        .params(
            d.name(),
            d.message(),
            d.audience().name(),
            d.audienceValue(),
            d.sendOn() == null ? null : Date.valueOf(d.sendOn()),
            tenant.value(),
            id)
        .update();
    rows.missions(tenant, id, d.missionIds());
    if (d.sendOn() == null && d.audience() != Audience.CHANNEL) {
      sending.release(tenant, id, now);
    }
    return Outcome.done(rows.find(tenant, id).orElseThrow());
  }

  /** Cancels a campaign that has not gone out yet: nobody receives it. */
  @Transactional
  public Outcome<Campaign> cancel(TenantId tenant, long actor, long id) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<Refusal> frozen = changeable(tenant, id);
    if (frozen.isPresent()) {
      return Outcome.refused(frozen.get());
    }
    jdbc.sql("update campaign set status = 'CANCELLED' where tenant_id = ? and id = ?")
        .params(tenant.value(), id)
        .update();
    return Outcome.done(rows.find(tenant, id).orElseThrow());
  }

  /** Locks the campaign; a refusal unless it is still waiting for its date. */
  private Optional<Refusal> changeable(TenantId tenant, long id) {
    Optional<String[]> row =
        jdbc.sql("select status, name from campaign where tenant_id = ? and id = ? for update")
            .params(tenant.value(), id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (row.isEmpty()) {
      return Optional.of(new Refusal(ReasonCode.NOT_FOUND, new Object[0]));
    }
    return switch (Campaign.Status.valueOf(row.get()[0])) {
      case SCHEDULED -> Optional.empty();
      case CANCELLED ->
          Optional.of(new Refusal(ReasonCode.CAMPAIGN_CANCELLED, new Object[] {row.get()[1]}));
      default ->
          Optional.of(new Refusal(ReasonCode.CAMPAIGN_ALREADY_SENT, new Object[] {row.get()[1]}));
    };
  }

  /** The company's campaigns, newest first (at most {@code limit}), for a CSR manager. */
  @Transactional(readOnly = true)
  public Outcome<List<Campaign>> list(TenantId tenant, long actor, int limit) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return Outcome.done(rows.latest(tenant, limit));
  }

  /**
   * A campaign by its name (any case; a live one before a cancelled one of the same name), for a
   * CSR manager.
   */
  @Transactional(readOnly = true)
  public Outcome<Campaign> named(TenantId tenant, long actor, String name) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return rows.named(tenant, name == null ? "" : name.strip())
        .map(Outcome::done)
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  /** A campaign by id, for a CSR manager. */
  @Transactional(readOnly = true)
  public Outcome<Campaign> get(TenantId tenant, long actor, long id) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    return rows.find(tenant, id)
        .map(Outcome::done)
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  /** A campaign by id, whoever asks: what its message shows when it is sent. */
  @Transactional(readOnly = true)
  public Optional<Campaign> find(TenantId tenant, long id) {
    return rows.find(tenant, id);
  }

  /** Its figures, for a CSR manager. */
  @Transactional(readOnly = true)
  public Outcome<CampaignFigures> figures(TenantId tenant, long actor, long id) {
    Optional<Refusal> no = allowed(tenant, actor);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    if (rows.find(tenant, id).isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return Outcome.done(rows.figures(tenant, id));
  }

  /** The sites and departments people of the company work at, for the audience's choices. */
  @Transactional(readOnly = true)
  public List<String> values(TenantId tenant, Audience audience) {
    return rows.values(tenant, audience);
  }

  /** Open missions whose title holds every word of {@code query} (all when blank), newest first. */
  @Transactional(readOnly = true)
  public List<MissionChoice> openMissions(TenantId tenant, String query, int limit) {
    return rows.openMissions(tenant, query, limit);
  }

  private static CampaignDraft normalised(CampaignDraft d) {
    return new CampaignDraft(
        d.name() == null ? "" : d.name().strip(),
        d.message() == null ? "" : d.message().strip(),
        d.missionIds().stream().distinct().toList(),
        d.audience(),
        d.audience() == null || !d.audience().hasValue() || d.audienceValue() == null
            ? null
            : d.audienceValue().strip(),
        d.sendOn());
  }

  /** The first thing wrong with a draft, on its field; empty when it may go out. */
  private Optional<Refusal> validate(TenantId tenant, CampaignDraft d, Instant now, Long self) {
    if (d.name().isEmpty()) {
      return Optional.of(Refusal.on("name", ReasonCode.CAMPAIGN_NAME_REQUIRED));
    }
    if (d.name().length() > MAX_NAME) {
      return Optional.of(Refusal.on("name", ReasonCode.VALUE_TOO_LONG, MAX_NAME));
    }
    if (rows.nameTaken(tenant, d.name(), self)) {
      return Optional.of(Refusal.on("name", ReasonCode.CAMPAIGN_NAME_TAKEN, d.name()));
    }
    if (d.message().isEmpty()) {
      return Optional.of(Refusal.on("message", ReasonCode.CAMPAIGN_MESSAGE_REQUIRED));
    }
    if (d.message().length() > MAX_MESSAGE) {
      return Optional.of(Refusal.on("message", ReasonCode.VALUE_TOO_LONG, MAX_MESSAGE));
    }
    if (d.missionIds().isEmpty()) {
      return Optional.of(Refusal.on("missions", ReasonCode.CAMPAIGN_MISSIONS_REQUIRED));
    }
    if (d.missionIds().size() > MAX_MISSIONS) {
      return Optional.of(
          Refusal.on("missions", ReasonCode.CAMPAIGN_TOO_MANY_MISSIONS, MAX_MISSIONS));
    }
    for (long mission : d.missionIds()) {
      Optional<String> notOpen = rows.notOpen(tenant, mission);
      if (notOpen.isPresent()) {
        return Optional.of(
            notOpen.get().isEmpty()
                ? Refusal.on("missions", ReasonCode.NOT_FOUND)
                : Refusal.on("missions", ReasonCode.CAMPAIGN_MISSION_NOT_OPEN, notOpen.get()));
      }
    }
    if (d.audience() == null) {
      return Optional.of(Refusal.on("audience", ReasonCode.CAMPAIGN_AUDIENCE_REQUIRED, "AUDIENCE"));
    }
    Optional<Refusal> target = target(tenant, d);
    if (target.isPresent()) {
      return target;
    }
    if (d.sendOn() != null) {
      ZoneId zone = ZoneId.of(tenants.find(tenant).orElseThrow().timeZone());
      LocalDate today = LocalDate.ofInstant(now, zone);
      if (d.sendOn().isBefore(today)) {
        return Optional.of(Refusal.on("date", ReasonCode.CAMPAIGN_DATE_PAST));
      }
      if (d.sendOn().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
        return Optional.of(Refusal.on("date", ReasonCode.CAMPAIGN_DATE_TOO_FAR));
      }
    }
    return Optional.empty();
  }

  /** The site, department or channel the audience names, when it names one. */
  private Optional<Refusal> target(TenantId tenant, CampaignDraft d) {
    if (!d.audience().hasValue()) {
      return Optional.empty();
    }
    String value = d.audienceValue();
    if (value == null || value.isEmpty()) {
      return Optional.of(
          Refusal.on("target", ReasonCode.CAMPAIGN_AUDIENCE_REQUIRED, d.audience().name()));
    }
    return switch (d.audience()) {
      case SITE, DEPARTMENT ->
          rows.values(tenant, d.audience()).contains(value)
              ? Optional.empty()
              : Optional.of(
                  Refusal.on(
                      "target",
                      d.audience() == Audience.SITE
                          ? ReasonCode.CAMPAIGN_SITE_UNKNOWN
                          : ReasonCode.CAMPAIGN_DEPARTMENT_UNKNOWN,
                      value));
      default ->
          Channels.valid(value)
              ? Optional.empty()
              : Optional.of(Refusal.on("target", ReasonCode.CAMPAIGN_CHANNEL_INVALID, value));
    };
  }
}
