package org.tandem.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tandem.core.availability.Availability;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.TenantId;

/** An employee of a tenant, with roles, locale and time zone and a volunteering profile. */
@Entity
@Table(name = "employee")
public class Employee {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id")
  private long tenantId;

  @Column(name = "display_name")
  private String displayName;

  private String email;
  private String locale = "en";

  @Column(name = "time_zone")
  private String timeZone = "Europe/Luxembourg";

  @Column(name = "is_employee")
  private boolean employee = true;

  @Column(name = "is_csr_manager")
  private boolean csrManager;

  @Column(name = "is_admin")
  private boolean admin;

  @Column(name = "manager_id")
  private Long managerId;

  private String site;
  private String department;

  @Column(columnDefinition = "bpchar(2)")
  private String country;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> skills = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> causes = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> languages = new ArrayList<>();

  private int availability;

  @Column(name = "place_name")
  private String placeName;

  @Column(name = "place_country", columnDefinition = "bpchar(2)")
  private String placeCountry;

  private Double lat;
  private Double lon;

  @Column(name = "travel_km")
  private int travelKm = 15;

  @Column(name = "remote_ok")
  private boolean remoteOk = true;

  private boolean onboarded;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  /** When the directory deactivated the person; null while they are active. */
  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  /** When the person's name and contacts were erased (set by the privacy use cases in SQL). */
  @Column(name = "erased_at", insertable = false, updatable = false)
  private Instant erasedAt;

  protected Employee() {}

  Employee(TenantId tenant, String displayName, String email, Locale locale, ZoneId zone) {
    this.tenantId = tenant.value();
    this.displayName = displayName;
    this.email = email;
    this.locale = locale.getLanguage();
    this.timeZone = zone.getId();
  }

  public long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public Locale locale() {
    return Locale.forLanguageTag(locale);
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  /** The person's roles; none while the directory has them deactivated. */
  public Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (deactivatedAt != null) {
      return roles;
    }
    if (employee) {
      roles.add(Role.EMPLOYEE);
    }
    if (csrManager) {
      roles.add(Role.CSR_MANAGER);
    }
    if (admin) {
      roles.add(Role.ADMIN);
    }
    return roles;
  }

  public boolean has(Role role) {
    return roles().contains(role);
  }

  public Long managerId() {
    return managerId;
  }

  public String site() {
    return site;
  }

  public String department() {
    return department;
  }

  /** The country of the person's site, which picks the country policy override. */
  public String country() {
    return country;
  }

  /** Whether the company directory still lists the person; a deactivated person has no roles. */
  public boolean active() {
    return deactivatedAt == null;
  }

  public Instant deactivatedAt() {
    return deactivatedAt;
  }

  /** Whether the person was erased: a row without name or contacts, kept for the figures. */
  public boolean erased() {
    return erasedAt != null;
  }

  public boolean onboarded() {
    return onboarded;
  }

  public Profile profile() {
    Place place =
        lat == null ? null : new Place(placeName, placeCountry, "", lat.doubleValue(), lon);
    return new Profile(
        skills, place, travelKm, remoteOk, causes, languages, new Availability(availability));
  }

  void profile(Profile p) {
    skills = new ArrayList<>(p.skills());
    causes = new ArrayList<>(p.causes());
    languages = new ArrayList<>(p.languages());
    availability = p.availability().bits();
    travelKm = p.travelKm();
    remoteOk = p.remoteOk();
    if (p.place() == null) {
      placeName = null;
      placeCountry = null;
      lat = null;
      lon = null;
    } else {
      placeName = p.place().name();
      placeCountry = p.place().country();
      lat = p.place().lat();
      lon = p.place().lon();
    }
    onboarded = true;
  }

  void grant(Role role, boolean granted) {
    switch (role) {
      case EMPLOYEE -> employee = granted;
      case CSR_MANAGER -> csrManager = granted;
      case ADMIN -> admin = granted;
    }
  }

  void workplace(String site, String department, String country) {
    this.site = site;
    this.department = department;
    this.country = country;
  }

  void manager(Long managerId) {
    this.managerId = managerId;
  }

  void locale(Locale locale) {
    this.locale = locale.getLanguage();
  }

  void timeZone(ZoneId zone) {
    this.timeZone = zone.getId();
  }

  void displayName(String name) {
    this.displayName = name;
  }

  void email(String email) {
    this.email = email;
  }

  /** Deactivated by the directory: the roles beyond employee are lost for good, history stays. */
  void deactivate(Instant at) {
    if (deactivatedAt == null) {
      deactivatedAt = at;
    }
    csrManager = false;
    admin = false;
  }

  void reactivate() {
    deactivatedAt = null;
  }
}
