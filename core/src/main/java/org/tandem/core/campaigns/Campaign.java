package org.tandem.core.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tandem.core.tenants.TenantId;

/** A campaign as stored: what it says, to whom, when, where it stands, and who launched it. */
public record Campaign(
    long id,
    TenantId tenant,
    String name,
    String message,
    List<Long> missionIds,
    Audience audience,
    String audienceValue,
    LocalDate sendOn,
    Status status,
    String channelResult,
    Instant sentAt,
    long createdBy) {

  public Campaign {
    missionIds = List.copyOf(missionIds);
  }

  /** Where a campaign stands. */
  public enum Status {
    /** Waiting for its date: it may still be changed or cancelled. */
    SCHEDULED,
    /** Its date has begun: each person gets it from 08:00 in their own time zone. */
    SENDING,
    /** Out to everyone (or posted in its channel). */
    SENT,
    /** Cancelled before it went out. */
    CANCELLED
  }

  /** A channel campaign Tandem could not post: it is not in that channel. */
  public static final String UNREACHABLE = "UNREACHABLE";

  /** A channel campaign posted in its channel. */
  public static final String POSTED = "POSTED";
}
