package org.tandem.core.notifications;

import org.tandem.core.tenants.TenantId;

/** A message to deliver: to whom, what kind, with what (for a monthly report, its month). */
public record Notification(
    long id, TenantId tenant, long employeeId, String kind, String payload, int attempts) {

  public static final String MONTHLY_REPORT = "MONTHLY_REPORT";
}
