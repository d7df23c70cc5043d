package org.tandem.core.missions;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tandem.core.availability.Availability;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.TenantId;

/**
 * A mission of an association. Seats taken and the OPEN/FULL switch are written only by the
 * commitments feature, under a row lock; this entity never overwrites them.
 */
@Entity
@Table(name = "mission")
@DynamicUpdate
public class Mission {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id")
  private long tenantId;

  @Column(name = "association_id")
  private long associationId;

  private String title;
  private String description = "";

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> skills = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> causes = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "smallint[]")
  private short[] sdgs = new short[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private List<String> languages = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  private MissionMode mode;

  @Column(name = "place_name")
  private String placeName;

  @Column(name = "place_country", columnDefinition = "bpchar(2)")
  private String placeCountry;

  private Double lat;
  private Double lon;

  /** Where a remote or hybrid mission's sessions are joined; null for an on-site one. */
  private String link;

  @Enumerated(EnumType.STRING)
  private Schedule schedule;

  private int slots;

  @Column(name = "hours_per_session")
  private BigDecimal hoursPerSession;

  private int capacity;

  @Enumerated(EnumType.STRING)
  @Column(name = "team_size")
  private TeamSize teamSize = TeamSize.SINGLE;

  @Enumerated(EnumType.STRING)
  @Column(insertable = false, updatable = false)
  private MissionStatus status;

  @Column(name = "seats_taken", insertable = false, updatable = false)
  private int seatsTaken;

  /** Of the seats taken, those held by an offer to someone from the waiting list. */
  @Formula(
      "(select count(*) from commitment c where c.tenant_id = tenant_id and c.mission_id = id"
          + " and c.status = 'OFFERED')")
  private int seatsOffered;

  @Column(name = "first_date")
  private LocalDate firstDate;

  @Column(name = "last_date")
  private LocalDate lastDate;

  @Column(name = "created_by")
  private Long createdBy;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  protected Mission() {}

  Mission(TenantId tenant, Long createdBy) {
    this.tenantId = tenant.value();
    this.createdBy = createdBy;
  }

  void apply(
      MissionDraft d, List<String> sdgCodes, Availability slots, LocalDate first, LocalDate last) {
    associationId = d.associationId();
    title = d.title().strip();
    description = d.description() == null ? "" : d.description().strip();
    skills = new ArrayList<>(d.skills());
    causes = new ArrayList<>(d.causes().stream().map(Enum::name).toList());
    sdgs = new short[sdgCodes.size()];
    for (int i = 0; i < sdgs.length; i++) {
      sdgs[i] = Short.parseShort(sdgCodes.get(i));
    }
    languages = new ArrayList<>(d.languages());
    mode = d.mode();
    if (d.place() == null || d.mode() == MissionMode.REMOTE) {
      placeName = null;
      placeCountry = null;
      lat = null;
      lon = null;
    } else {
      placeName = d.place().name();
      placeCountry = d.place().country();
      lat = d.place().lat();
      lon = d.place().lon();
    }
    link = d.mode() == MissionMode.ONSITE ? null : d.link();
    schedule = d.schedule();
    this.slots = slots.bits();
    hoursPerSession = d.hoursPerSession();
    capacity = d.capacity();
    teamSize = d.teamSize();
    firstDate = first;
    lastDate = last;
  }

  public long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public long associationId() {
    return associationId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public List<String> skills() {
    return List.copyOf(skills);
  }

  public List<String> causes() {
    return List.copyOf(causes);
  }

  public List<Integer> sdgs() {
    List<Integer> list = new ArrayList<>();
    for (short s : sdgs) {
      list.add((int) s);
    }
    return list;
  }

  public List<String> languages() {
    return List.copyOf(languages);
  }

  public MissionMode mode() {
    return mode;
  }

  public Place place() {
    return lat == null ? null : new Place(placeName, placeCountry, "", lat, lon);
  }

  /** The link to join the sessions (remote or hybrid), or null. */
  public String link() {
    return link;
  }

  public Schedule schedule() {
    return schedule;
  }

  /** When the mission happens in the week; empty for a flexible mission means any time. */
  public Availability slots() {
    return new Availability(slots);
  }

  public BigDecimal hoursPerSession() {
    return hoursPerSession;
  }

  public int capacity() {
    return capacity;
  }

  public int seatsTaken() {
    return seatsTaken;
  }

  /** Seats held by offers to people waiting, not yet accepted (counted in {@link #seatsTaken}). */
  public int seatsOffered() {
    return seatsOffered;
  }

  public int seatsLeft() {
    return Math.max(0, capacity - seatsTaken);
  }

  public TeamSize teamSize() {
    return teamSize;
  }

  public MissionStatus status() {
    return status;
  }

  public LocalDate firstDate() {
    return firstDate;
  }

  public LocalDate lastDate() {
    return lastDate;
  }

  public Long createdBy() {
    return createdBy;
  }
}
