package org.tandem.bot.conversation;

import org.tandem.core.tenants.TenantId;

/**
 * Writes to a person without being asked (a monthly report): each channel that can reach people
 * implements it, so scheduled work stays channel-neutral.
 */
public interface Notifier {

  enum Delivery {
    /** Delivered. */
    SENT,
    /** This channel does not know the person (or the workspace is gone): try another. */
    UNREACHABLE,
    /** The channel failed for now: try again later. */
    FAILED
  }

  Delivery send(TenantId tenant, long employeeId, Reply reply);
}
