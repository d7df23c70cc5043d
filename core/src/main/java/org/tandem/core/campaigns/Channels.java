package org.tandem.core.campaigns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What names a channel: a Slack channel id ({@code C0123ABCD}, or a private one's {@code G...}),
 * typed as such, as a mention ({@code <#C0123ABCD|volunteering>}) or as its link ({@code
 * .../archives/C0123ABCD}); or a Teams channel's conversation id ({@code 19:...@thread.tacv2}), as
 * such or in the channel's link.
 */
public final class Channels {

  private static final Pattern SLACK = Pattern.compile("[CG][A-Z0-9]{6,20}");
  private static final Pattern TEAMS = Pattern.compile("19:[^\\s<>|]{1,300}");
  private static final Pattern MENTION = Pattern.compile("<#([CG][A-Z0-9]{6,20})(\\|[^>]*)?>");
  private static final Pattern LINK =
      Pattern.compile("https://[^\\s/]+\\.slack\\.com/archives/([CG][A-Z0-9]{6,20})\\S*");

  /** "Get link to channel" in Teams: the channel's conversation id, encoded, in the path. */
  private static final Pattern TEAMS_LINK =
      Pattern.compile("https://teams\\.microsoft\\.com/l/channel/([^/?\\s]+)\\S*");

  private Channels() {}

  /** The channel's id in what was typed, or what was typed when it names none (refused later). */
  public static String id(String typed) {
    if (typed == null) {
      return null;
    }
    String s = typed.strip();
    Matcher link = TEAMS_LINK.matcher(s);
    if (link.matches()) {
      return java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (Pattern p : new Pattern[] {MENTION, LINK}) {
      Matcher m = p.matcher(s);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return s;
  }

  /** Whether the value is a channel id. */
  public static boolean valid(String value) {
    return value != null && (SLACK.matcher(value).matches() || TEAMS.matcher(value).matches());
  }

  /** Whether it is a Teams channel's conversation id (else a Slack channel id). */
  public static boolean teams(String value) {
    return value != null && value.startsWith("19:");
  }
}
