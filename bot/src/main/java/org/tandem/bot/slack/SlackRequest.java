package org.tandem.bot.slack;

/**
 * What an acknowledged Slack delivery asks, as stored in the inbox: never a token (the worker looks
 * the workspace's token up by team id when it works the row).
 *
 * @param kind {@code command}, {@code action}, {@code text} (a direct message), {@code mention},
 *     {@code home} (the App Home opened) or {@code file} (a file shared in a direct message)
 * @param file the file shared, for {@code file}; null otherwise
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
    String channelId,
    SharedFile file) {

  SlackRequest(
      String kind,
      String teamId,
      String teamDomain,
      String userId,
      String text,
      String actionId,
      String value,
      String triggerId,
      String responseUrl,
      String channelId) {
    this(
        kind,
        teamId,
        teamDomain,
        userId,
        text,
        actionId,
        value,
        triggerId,
        responseUrl,
        channelId,
        null);
  }

  /** A file as the event names it: fetched by the worker with the bot token, never stored. */
  record SharedFile(String id, String name, long size, String url) {}
}
