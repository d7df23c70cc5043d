package org.tandem.core.associations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.TenantId;

/** An association (NGO) of a tenant: name, causes, address and place, coordinator. */
@Entity
@Table(name = "association")
public class Association {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id")
  private long tenantId;

  private String name;
  private String description = "";

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> causes = new ArrayList<>();

  private String address;

  @Column(name = "place_name")
  private String placeName;

  @Column(name = "place_country", columnDefinition = "bpchar(2)")
  private String placeCountry;

  private Double lat;
  private Double lon;

  @Column(name = "registration_id")
  private String registrationId;

  @Column(name = "legal_id_kind")
  private String legalIdKind;

  private String website;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Column(name = "coordinator_name")
  private String coordinatorName;

  @Column(name = "coordinator_email")
  private String coordinatorEmail;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  protected Association() {}

  Association(TenantId tenant, AssociationDraft draft) {
    this.tenantId = tenant.value();
    apply(draft);
  }

  void apply(AssociationDraft d) {
    name = d.name().strip();
    description = d.description() == null ? "" : d.description().strip();
    causes = new ArrayList<>(d.causes().stream().map(Enum::name).toList());
    address = d.address();
    placeName = null;
    placeCountry = null;
    lat = null;
    lon = null;
    if (d.place() != null) {
      placeName = d.place().name();
      placeCountry = d.place().country();
      lat = d.place().lat();
      lon = d.place().lon();
    }
    LegalId legal = d.legalId();
    registrationId = legal == null ? null : legal.value();
    legalIdKind = legal == null ? null : legal.kind().name();
    website = d.website();
    coordinatorName = d.coordinatorName();
    coordinatorEmail = d.coordinatorEmail();
  }

  public long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<String> causes() {
    return List.copyOf(causes);
  }

  public String address() {
    return address;
  }

  public Place place() {
    return lat == null ? null : new Place(placeName, placeCountry, "", lat, lon);
  }

  public String registrationId() {
    return registrationId;
  }

  /** The legal identifier with its register, or null when none was given. */
  public LegalId legalId() {
    return registrationId == null || legalIdKind == null
        ? null
        : new LegalId(LegalId.Kind.valueOf(legalIdKind), registrationId);
  }

  public String website() {
    return website;
  }

  public boolean archived() {
    return archivedAt != null;
  }

  void archive(Instant at) {
    archivedAt = at;
  }

  void unarchive() {
    archivedAt = null;
  }

  public String coordinatorName() {
    return coordinatorName;
  }

  public String coordinatorEmail() {
    return coordinatorEmail;
  }
}
