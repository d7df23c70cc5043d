package org.tandem.core.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.AssociationDraft;
import org.tandem.core.associations.Associations;
import org.tandem.core.availability.Availability;
import org.tandem.core.causes.Cause;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Schedule;
import org.tandem.core.missions.Session;
import org.tandem.core.missions.TeamSize;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Profile;
import org.tandem.core.places.Geocoder;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** Realistic data for tests, built through the same services the app uses. */
@TestComponent
public class Fixtures {

  public static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

  private final Tenants tenants;
  private final People people;
  private final Associations associations;
  private final Missions missions;
  private final Geocoder places;

  Fixtures(
      Tenants tenants,
      People people,
      Associations associations,
      Missions missions,
      Geocoder places) {
    this.tenants = tenants;
    this.people = people;
    this.associations = associations;
    this.missions = missions;
    this.places = places;
  }

  /** A fresh Luxembourg company with 40 hours a year on work time, no approvals. */
  public TenantId company() {
    Tenant t =
        tenants.findOrCreate(
            Platform.SLACK, "T" + UUID.randomUUID().toString().substring(0, 8), "Acme", "LU");
    tenants.change(
        t.id(),
        PolicyChange.none()
            .allowance(40)
            .managerApproval(false)
            .hoursApproval(true)
            .valuation(45, "EUR"));
    return t.id();
  }

  /** A company as a Slack install makes it: the workspace's company, its installer as admin. */
  public record Installed(TenantId tenant, Employee admin) {}

  /**
   * What a Slack install does in core: a new workspace's company named Globex, its installer Inès
   * (in {@code language}) admin and CSR manager, no policy set yet.
   */
  public Installed slackInstall(Locale language) {
    String team = "T" + UUID.randomUUID().toString().substring(0, 8);
    TenantId tenant = tenants.findOrCreate(Platform.SLACK, team, "Globex", "LU").id();
    Employee installer =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            "U" + team,
            new NewPerson("Inès Admin", "ines@globex.example", language, ZoneId.of("UTC")));
    return new Installed(tenant, people.installedBy(tenant, installer.id()));
  }

  public Place place(String name) {
    return places.locate(name, "LU").orElseThrow(() -> new IllegalArgumentException(name));
  }

  public Employee person(TenantId tenant, String name) {
    return people.enrol(
        tenant,
        IdentityKind.SLACK,
        "U" + UUID.randomUUID().toString().substring(0, 8),
        new NewPerson(name, null, Locale.ENGLISH, LUXEMBOURG));
  }

  /** Someone in Differdange who knows accounting and spreadsheets, free on Thursday evenings. */
  public Employee accountantInDifferdange(TenantId tenant) {
    Employee e = person(tenant, "Ana Lopes");
    return people
        .updateProfile(
            tenant,
            e.id(),
            new Profile(
                List.of("accounting", "spreadsheets"),
                place("Differdange"),
                20,
                true,
                List.of(Cause.SOCIAL_INCLUSION.name()),
                List.of("fr", "en"),
                Availability.of(
                    java.time.DayOfWeek.THURSDAY, org.tandem.core.availability.DayPart.EVENING)))
        .value();
  }

  public Association association(TenantId tenant, String name, Cause cause) {
    return associations
        .imported(
            tenant,
            importer(tenant).id(),
            new AssociationDraft(
                name,
                "An association",
                List.of(cause),
                null,
                place("Esch-sur-Alzette"),
                null, // a tenant's associations each have their own number, when they have one
                "Claire Martin",
                "claire@example.org"))
        .value();
  }

  /** A dated session {@code daysFromNow} away (negative: in the past), 18:00-21:00. */
  public static Session evening(int daysFromNow) {
    Instant start =
        LocalDate.now(LUXEMBOURG)
            .plusDays(daysFromNow)
            .atTime(LocalTime.of(18, 0))
            .atZone(LUXEMBOURG)
            .toInstant();
    return new Session(start, start.plus(3, ChronoUnit.HOURS));
  }

  public static MissionDraft draft(
      long associationId,
      String title,
      List<String> skills,
      MissionMode mode,
      Place place,
      int capacity,
      Session... sessions) {
    return new MissionDraft(
        associationId,
        title,
        "",
        skills,
        List.of(Cause.SOCIAL_INCLUSION),
        List.of("fr"),
        mode,
        place,
        sessions.length == 0
            ? Schedule.FLEXIBLE
            : sessions.length == 1 ? Schedule.ONE_DATE : Schedule.SERIES,
        List.of(sessions),
        Availability.NONE,
        new BigDecimal("3"),
        capacity,
        TeamSize.SINGLE);
  }

  /** A mission imported by the tenant's importer: its sessions may have passed. */
  public Mission mission(TenantId tenant, MissionDraft draft) {
    return missions.imported(tenant, importer(tenant).id(), draft).value();
  }

  /**
   * The admin who imports a tenant's history, made once per tenant; not an employee, so no report
   * counts them.
   */
  public Employee importer(TenantId tenant) {
    Employee e =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            "UIMPORTER",
            new NewPerson("Importer", null, Locale.ENGLISH, LUXEMBOURG));
    if (e.has(org.tandem.core.people.Role.ADMIN)) {
      return e;
    }
    people.bootstrap(tenant, e.id(), org.tandem.core.people.Role.ADMIN);
    return people.revoke(tenant, e.id(), e.id(), org.tandem.core.people.Role.EMPLOYEE).value();
  }

  /** A CSR manager of the tenant. */
  public Employee csrManager(TenantId tenant, String name) {
    Employee e = person(tenant, name);
    return people.bootstrap(tenant, e.id(), org.tandem.core.people.Role.CSR_MANAGER);
  }

  /** A bookkeeping workshop in Esch-sur-Alzette: one evening a week ago, one a week from now. */
  public Mission workshopInEsch(TenantId tenant, int capacity) {
    Association a =
        association(tenant, "Caritas Esch " + UUID.randomUUID(), Cause.SOCIAL_INCLUSION);
    return mission(
        tenant,
        draft(
            a.id(),
            "Bookkeeping workshop",
            List.of("accounting"),
            MissionMode.ONSITE,
            place("Esch-sur-Alzette"),
            capacity,
            evening(-7),
            evening(7)));
  }
}
