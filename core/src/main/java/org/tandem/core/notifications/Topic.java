package org.tandem.core.notifications;

import java.util.Map;

/**
 * What a message is about, as a person chooses what they receive ({@code notifications}): every
 * outbox kind belongs to one topic. Some topics cannot be turned off: a session that moves or is
 * cancelled, and what an admin must do for the install.
 */
public enum Topic {
  /**
   * Commitments and hours the person is asked to approve, with reminders: always sent, since
   * someone waits for the answer (a line manager who stays silent is replaced after 5 working
   * days).
   */
  APPROVALS(false),
  /** What was decided on the person's own commitments and hours. */
  DECISIONS(true),
  /** A seat offered from a waiting list. */
  WAITLIST(true),
  /** The day before a session, with its calendar file. */
  REMINDERS(true),
  /** A session moved or cancelled: always sent, even in quiet hours when it is near. */
  CHANGES(false),
  /** Hours proposed after a session, to confirm or correct. */
  HOURS(true),
  /** The weekly digest of new missions (opt-in: see {@code employee.digest_day}). */
  DIGEST(true),
  /** Campaigns the CSR team runs. */
  CAMPAIGNS(true),
  /** The CSR manager's monthly report (see {@code employee.monthly_report}). */
  MONTHLY_REPORT(true),
  /** What an admin must do for the install: always sent. */
  ADMIN(false);

  private final boolean optional;

  Topic(boolean optional) {
    this.optional = optional;
  }

  /** Whether a person may turn it off. */
  public boolean optional() {
    return optional;
  }

  private static final Map<String, Topic> BY_KIND =
      Map.ofEntries(
          Map.entry(Notification.MONTHLY_REPORT, MONTHLY_REPORT),
          Map.entry(Notification.SETUP_CHECKLIST, ADMIN),
          Map.entry(Notification.RECONSENT, ADMIN),
          Map.entry(Notification.APPROVAL_REQUEST, APPROVALS),
          Map.entry(Notification.APPROVAL_REMINDER, APPROVALS),
          Map.entry(Notification.APPROVAL_ESCALATED, APPROVALS),
          Map.entry(Notification.COMMITMENT_APPROVED, DECISIONS),
          Map.entry(Notification.COMMITMENT_DECLINED, DECISIONS),
          Map.entry(Notification.HOURS_APPROVED, DECISIONS),
          Map.entry(Notification.HOURS_REJECTED, DECISIONS),
          Map.entry(Notification.SEAT_OFFERED, WAITLIST),
          Map.entry(Notification.SEAT_OFFER_EXPIRED, WAITLIST),
          Map.entry(Notification.SESSION_REMINDER, REMINDERS),
          Map.entry(Notification.SESSION_CHANGED, CHANGES),
          Map.entry(Notification.SESSION_CANCELLED, CHANGES),
          Map.entry(Notification.MISSION_CANCELLED, CHANGES),
          Map.entry(Notification.HOURS_PROPOSED, HOURS),
          Map.entry(Notification.HOURS_STOOD, HOURS),
          Map.entry(Notification.WEEKLY_DIGEST, DIGEST),
          Map.entry(Notification.CAMPAIGN, CAMPAIGNS));

  /**
   * The topic of an outbox kind; an unknown kind is a programming error, refused before it is
   * written (the table has no constraint on kinds: each feature declares its own here).
   */
  public static Topic of(String kind) {
    Topic t = BY_KIND.get(kind);
    if (t == null) {
      throw new IllegalArgumentException("Unknown notification kind " + kind);
    }
    return t;
  }
}
