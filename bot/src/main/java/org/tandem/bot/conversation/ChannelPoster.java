package org.tandem.bot.conversation;

import org.tandem.core.tenants.TenantId;

/**
 * Posts in a company channel rather than to a person (a campaign for a Slack or Teams channel):
 * each channel that can implements it, so the campaign's sending stays channel-neutral.
 */
public interface ChannelPoster {

  /** Whether this channel could post in {@code channel} for the company (it knows where). */
  boolean reaches(TenantId tenant, String channel);

  /**
   * Posts the reply in the channel, once: a retry ({@link Notifier.Progress#retry()}) first looks
   * for the post stamped with the progress's id where the channel can tell.
   */
  Notifier.Delivery post(
      TenantId tenant, String channel, Reply reply, Texts texts, Notifier.Progress progress);
}
