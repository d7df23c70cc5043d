package org.tandem.bot.teams;

import org.tandem.bot.conversation.ChannelPoster;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Notifier.Pace;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.campaigns.Channels;
import org.tandem.core.tenants.TenantId;

/**
 * Proactive messages: writes to a person in their one-to-one conversation with Tandem, without
 * being asked first (reminders, monthly reports). A 403 or 404 from the connector means Tandem was
 * removed or the conversation is gone: it is marked dead and not tried again. A 429 throws {@code
 * RetryLater} with its Retry-After (the outbox pauses the tenant and puts the message back).
 */
public class TeamsNotifier implements Notifier, ChannelPoster {

  private final ConversationReferences references;
  private final BotConnector connector;
  private final TeamsFiles files;
  private final TeamsAppInstaller installer;
  private final Pace tenantPace;
  private final Pace conversationPace;

  TeamsNotifier(
      ConversationReferences references,
      BotConnector connector,
      TeamsFiles files,
      TeamsAppInstaller installer,
      Pace tenantPace,
      Pace conversationPace) {
    this.references = references;
    this.connector = connector;
    this.files = files;
    this.installer = installer;
    this.tenantPace = tenantPace;
    this.conversationPace = conversationPace;
  }

  @Override
  public java.util.Optional<String> unreachableBecause(TenantId tenant, long employeeId) {
    return installer.refusal(tenant, employeeId);
  }

  /** The Bot Connector's limits: per tenant (the app's) and per conversation (the bot's). */
  @Override
  public java.util.Optional<Lane> lane(TenantId tenant, long employeeId) {
    return references
        .personal(tenant, employeeId)
        .map(
            ref ->
                new Lane(
                    "teams:" + tenant.value(),
                    tenantPace,
                    "teams:" + tenant.value() + ":" + ref.conversationId(),
                    conversationPace));
  }

  @Override
  public Delivery send(TenantId tenant, long employeeId, Reply reply) {
    var ref = references.personal(tenant, employeeId);
    if (ref.isEmpty()) {
      // Never opened Tandem: installed for them through Graph when the tenant allows it.
      TeamsAppInstaller.Reach reach = installer.reach(tenant, employeeId);
      if (!(reach instanceof TeamsAppInstaller.Reach.Reached reached)) {
        return reach instanceof TeamsAppInstaller.Reach.Failed
            ? Delivery.FAILED
            : Delivery.UNREACHABLE;
      }
      ref = java.util.Optional.of(reached.reference());
    }
    var activity = AdaptiveCards.message(files.absoluteOutsideRequest(reply));
    activity.putObject("conversation").put("id", ref.get().conversationId());
    BotConnector.Delivery d =
        connector.reply(ref.get().serviceUrl(), ref.get().conversationId(), null, activity);
    if (d == BotConnector.Delivery.GONE) {
      references.dead(tenant, ref.get().conversationId());
      return Delivery.UNREACHABLE;
    }
    return d == BotConnector.Delivery.SENT ? Delivery.SENT : Delivery.FAILED;
  }

  /** Whether Tandem was added to the team of this channel (it kept the channel's reference). */
  @Override
  public boolean reaches(TenantId tenant, String channel) {
    return Channels.teams(channel) && references.channel(tenant, channel).isPresent();
  }

  /**
   * A channel campaign: a new post in the channel, through the reference kept when Tandem was added
   * to its team; none kept, it cannot.
   */
  @Override
  public Delivery post(
      TenantId tenant, String channel, Reply reply, Texts texts, Progress progress) {
    var ref =
        Channels.teams(channel)
            ? references.channel(tenant, channel)
            : java.util.Optional.<ConversationReferences.Reference>empty();
    if (ref.isEmpty()) {
      return Delivery.UNREACHABLE;
    }
    var activity = AdaptiveCards.message(files.absoluteOutsideRequest(reply));
    activity.putObject("conversation").put("id", channel);
    BotConnector.Delivery d = connector.reply(ref.get().serviceUrl(), channel, null, activity);
    if (d == BotConnector.Delivery.GONE) {
      references.dead(tenant, channel);
      return Delivery.UNREACHABLE;
    }
    return d == BotConnector.Delivery.SENT ? Delivery.SENT : Delivery.FAILED;
  }
}
