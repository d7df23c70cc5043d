package org.tandem.bot.slack;

/**
 * What an acknowledged Slack delivery asks, as stored in the inbox: never a token (the worker looks
 * the workspace's token up by team id when it works the row).
 *
 * @param kind {@code command}, {@code action}, {@code text} (a direct message), {@code mention} or
 *     {@code home} (the App Home opened)
 */
record SlackRequest(
    String kind,
    String teamId,
    String teamDomain,
    String userId,
    String text,
    String actionId,
    String value,
    String triggerId,
    String responseUrl,
    String channelId) {}
