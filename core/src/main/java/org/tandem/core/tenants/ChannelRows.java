package org.tandem.core.tenants;

/**
 * What a chat channel keeps per tenant outside the core (Slack installations, Teams conversation
 * references). When a link merges a tenant into another, each channel moves its rows, in the link's
 * transaction, so the bot tokens and proactive conversations carry over.
 */
public interface ChannelRows {

  void move(TenantId from, TenantId to);
}
