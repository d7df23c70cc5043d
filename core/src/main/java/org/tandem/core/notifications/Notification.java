package org.tandem.core.notifications;

import org.tandem.core.tenants.TenantId;

/**
 * A message to deliver: to whom, what kind, with what (for a monthly report, its month), what of it
 * an earlier attempt already sent ({@code progress}, null at first), and whether it is sent even in
 * the person's quiet hours ({@code urgent}). Every kind belongs to a {@link Topic}.
 */
public record Notification(
    long id,
    TenantId tenant,
    long employeeId,
    String kind,
    String payload,
    int attempts,
    String progress,
    boolean urgent) {

  public static final String MONTHLY_REPORT = "MONTHLY_REPORT";

  /** Hours rejected, with the approver's reason; the payload is the hour entry's id. */
  public static final String HOURS_REJECTED = "HOURS_REJECTED";

  /** A commitment declined, with the approver's reason; the payload is the commitment's id. */
  public static final String COMMITMENT_DECLINED = "COMMITMENT_DECLINED";

  /**
   * An admin is told how to consent to what Tandem now needs of their platform ({@link Reconsent});
   * the payload is {@code PLATFORM|requirement}.
   */
  public static final String RECONSENT = "RECONSENT";

  /**
   * Tandem installed: its installer is welcomed with the setup checklist; the payload is the
   * platform installed on ({@code slack}), which the announcement's wording follows.
   */
  public static final String SETUP_CHECKLIST = "SETUP_CHECKLIST";

  /** A line manager (or CSR manager) is asked to approve a commitment or hours. */
  public static final String APPROVAL_REQUEST = "APPROVAL_REQUEST";

  /** The approver is reminded of a request still waiting after 2 working days. */
  public static final String APPROVAL_REMINDER = "APPROVAL_REMINDER";

  /** The CSR managers are asked instead: the request waited 5 working days, or nobody else can. */
  public static final String APPROVAL_ESCALATED = "APPROVAL_ESCALATED";

  /** A commitment approved: the employee is told. */
  public static final String COMMITMENT_APPROVED = "COMMITMENT_APPROVED";

  /** Hours approved: the employee is told. */
  public static final String HOURS_APPROVED = "HOURS_APPROVED";

  /** A seat freed up and is offered to the first person waiting, for a limited time. */
  public static final String SEAT_OFFERED = "SEAT_OFFERED";

  /** The offer ran out and passed to the next person: the one it was offered to is told. */
  public static final String SEAT_OFFER_EXPIRED = "SEAT_OFFER_EXPIRED";

  /** A session is on the next working day: a reminder with its calendar file. */
  public static final String SESSION_REMINDER = "SESSION_REMINDER";

  /** A session moved: an updated calendar file. */
  public static final String SESSION_CHANGED = "SESSION_CHANGED";

  /** A session was removed: a cancelling calendar file. */
  public static final String SESSION_CANCELLED = "SESSION_CANCELLED";

  /** The whole mission was cancelled: cancelling calendar files. */
  public static final String MISSION_CANCELLED = "MISSION_CANCELLED";

  /**
   * A session ended: its hours are proposed to the volunteer (Confirm / Correct / I did not go).
   */
  public static final String HOURS_PROPOSED = "HOURS_PROPOSED";

  /** A proposal left unanswered stood as logged hours: the volunteer is told. */
  public static final String HOURS_STOOD = "HOURS_STOOD";

  /** The weekly digest of new missions that fit. */
  public static final String WEEKLY_DIGEST = "WEEKLY_DIGEST";

  /** A campaign's message to one person of its audience. */
  public static final String CAMPAIGN = "CAMPAIGN";

  /** The topic this message belongs to. */
  public Topic topic() {
    return Topic.of(kind);
  }
}
