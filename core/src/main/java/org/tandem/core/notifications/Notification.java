package org.tandem.core.notifications;

import org.tandem.core.tenants.TenantId;

/**
 * A message to deliver: to whom, what kind, with what (for a monthly report, its month), and what
 * of it an earlier attempt already sent ({@code progress}, null at first).
 */
public record Notification(
    long id,
    TenantId tenant,
    long employeeId,
    String kind,
    String payload,
    int attempts,
    String progress) {

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
}
