package org.tandem.core.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A Slack workspace or a Teams tenant, and the company policy set by its admins. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Platform platform;

  @Column(name = "external_id")
  private String externalId;

  private String name;

  @Column(columnDefinition = "bpchar(2)")
  private String country;

  @Enumerated(EnumType.STRING)
  private Sector sector = Sector.PRIVATE;

  @Column(name = "time_zone")
  private String timeZone = "Europe/Luxembourg";

  @Column(name = "yearly_allowance_hours")
  private BigDecimal yearlyAllowanceHours = BigDecimal.ZERO;

  @Column(name = "manager_approval")
  private boolean managerApproval;

  @Column(name = "hours_approval")
  private boolean hoursApproval = true;

  @Enumerated(EnumType.STRING)
  @Column(name = "over_allowance")
  private OverAllowance overAllowance = OverAllowance.REFUSE;

  @Column(name = "hourly_rate")
  private BigDecimal hourlyRate = BigDecimal.ZERO;

  @Column(columnDefinition = "bpchar(3)")
  private String currency = "EUR";

  @Column(name = "proposal_window_days")
  private int proposalWindowDays = 3;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposal_default")
  private ProposalDefault proposalDefault = ProposalDefault.HOURS;

  @Column(name = "annual_turnover")
  private BigDecimal annualTurnover;

  @Column(name = "retention_days", insertable = false, updatable = false)
  private int retentionDays = 365;

  @Column(name = "uninstalled_at", insertable = false, updatable = false)
  private Instant uninstalledAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  protected Tenant() {}

  Tenant(Platform platform, String externalId, String name, String country) {
    this.platform = platform;
    this.externalId = externalId;
    this.name = name;
    this.country = country;
  }

  public TenantId id() {
    return new TenantId(id);
  }

  public Platform platform() {
    return platform;
  }

  public String externalId() {
    return externalId;
  }

  public String name() {
    return name;
  }

  public String country() {
    return country;
  }

  public Sector sector() {
    return sector;
  }

  public String timeZone() {
    return timeZone;
  }

  /** The yearly turnover excluding tax, for the French sponsorship estimate; null when unset. */
  public BigDecimal annualTurnover() {
    return annualTurnover;
  }

  /** Days the tenant's data is kept after its chat platform uninstalled Tandem. */
  public int retentionDays() {
    return retentionDays;
  }

  /** When Tandem was uninstalled, or null while it is installed. */
  public Instant uninstalledAt() {
    return uninstalledAt;
  }

  /** The company-wide policy, before any country override. */
  public Policy policy() {
    return new Policy(
        yearlyAllowanceHours,
        managerApproval,
        hoursApproval,
        overAllowance,
        hourlyRate,
        currency,
        sector,
        proposalWindowDays,
        proposalDefault);
  }

  void rename(String name) {
    this.name = name;
  }

  /** What {@code change} would change, each as "old -> new", for the admin trail. */
  java.util.Map<String, Object> differences(PolicyChange change) {
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
    differ(d, "allowance", yearlyAllowanceHours, change.yearlyAllowanceHours());
    differ(d, "managerApproval", managerApproval, change.managerApproval());
    differ(d, "hoursApproval", hoursApproval, change.hoursApproval());
    differ(d, "overAllowance", overAllowance, change.overAllowance());
    differ(d, "rate", hourlyRate, change.hourlyRate());
    differ(d, "currency", currency, change.currency());
    differ(d, "sector", sector, change.sector());
    differ(d, "country", country, change.country());
    differ(d, "timeZone", timeZone, change.timeZone());
    differ(d, "turnover", annualTurnover, change.annualTurnover());
    differ(d, "proposalWindow", proposalWindowDays, change.proposalWindowDays());
    differ(d, "proposalDefault", proposalDefault, change.proposalDefault());
    return d;
  }

  private static void differ(java.util.Map<String, Object> d, String key, Object was, Object now) {
    if (now == null) {
      return;
    }
    boolean same =
        was instanceof BigDecimal a && now instanceof BigDecimal b
            ? a.compareTo(b) == 0
            : now.equals(was);
    if (!same) {
      d.put(key, shown(was) + " -> " + shown(now));
    }
  }

  private static String shown(Object v) {
    return v == null
        ? "-"
        : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
  }

  void apply(PolicyChange change) {
    if (change.yearlyAllowanceHours() != null) {
      yearlyAllowanceHours = change.yearlyAllowanceHours();
    }
    if (change.managerApproval() != null) {
      managerApproval = change.managerApproval();
    }
    if (change.hoursApproval() != null) {
      hoursApproval = change.hoursApproval();
    }
    if (change.overAllowance() != null) {
      overAllowance = change.overAllowance();
    }
    if (change.hourlyRate() != null) {
      hourlyRate = change.hourlyRate();
    }
    if (change.currency() != null) {
      currency = change.currency();
    }
    if (change.sector() != null) {
      sector = change.sector();
    }
    if (change.country() != null) {
      country = change.country();
    }
    if (change.timeZone() != null) {
      timeZone = change.timeZone();
    }
    if (change.annualTurnover() != null) {
      annualTurnover = change.annualTurnover();
    }
    if (change.proposalWindowDays() != null) {
      proposalWindowDays = change.proposalWindowDays();
    }
    if (change.proposalDefault() != null) {
      proposalDefault = change.proposalDefault();
    }
  }
}
