package org.tandem.bot.conversation;

import java.util.regex.Pattern;

/**
 * The light markup of Tandem's own sentences, kept apart from what people typed. A bundle's {@code
 * *word*} becomes a pair of private-use marks when the sentence is built ({@link Texts#t}); the
 * names, titles and cells put into it stay as typed. Each surface turns the marks into its own bold
 * and shows every other character literally, so a name such as {@code *bold*} is never bold.
 */
public final class Markup {

  /** Opens and closes a bold span; private-use characters, never typed by people. */
  public static final char BOLD_OPEN = '\uE000';

  public static final char BOLD_CLOSE = '\uE001';

  private static final Pattern STARS = Pattern.compile("\\*([^*\\n]+)\\*");

  private Markup() {}

  /** A bundle pattern's {@code *word*} as marks; applied to the pattern, before the arguments. */
  static String ofPattern(String pattern) {
    return STARS.matcher(pattern).replaceAll(BOLD_OPEN + "$1" + BOLD_CLOSE);
  }

  /** The marks as {@code open} and {@code close}: each surface's bold, or nothing. */
  public static String bold(String text, String open, String close) {
    if (text == null || (text.indexOf(BOLD_OPEN) < 0 && text.indexOf(BOLD_CLOSE) < 0)) {
      return text;
    }
    return text.replace(String.valueOf(BOLD_OPEN), open).replace(String.valueOf(BOLD_CLOSE), close);
  }

  /** The text without marks, for plain-text places (notifications, logs, labels). */
  public static String plain(String text) {
    return bold(text, "", "");
  }
}
