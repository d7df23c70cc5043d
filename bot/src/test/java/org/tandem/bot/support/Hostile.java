package org.tandem.bot.support;

import java.util.List;
import java.util.Map;
import org.tandem.bot.conversation.Reply;

/**
 * Text someone typed to do harm where it lands: Slack broadcasts and mentions, links in Slack's,
 * markdown's and HTML's syntax, emphasis and script. Used as names, titles and notes in tests of
 * every surface.
 */
public final class Hostile {

  public static final String NAME = "Eve <!channel> <@U0BOSS> <!here|here> & Co";
  public static final String TITLE =
      "[Win a prize](https://evil.example/x) <https://evil.example|click> **URGENT** _now_ <script>";

  /**
   * A name written in every surface's markup: HTML, emphasis, a markdown link, strike and code. It
   * must show as typed, never bold or linked; "Zora" finds it.
   */
  public static final String MARKUP = "Zora <b>x</b> *bold* [l](http://x) _it_ ~s~ `c`";

  private Hostile() {}

  /** An approval card as an admin or manager sees it: a person's name and a mission title. */
  public static Reply approvalCard() {
    return Reply.of(
        new Reply.Notice(Reply.Notice.Level.INFO, NAME + " asks to join " + TITLE),
        new Reply.Card(
            TITLE,
            NAME,
            List.of(new Reply.Fact("Who", NAME), new Reply.Fact(TITLE, "3 h")),
            NAME + " wrote: " + TITLE,
            List.of(Reply.Button.primary("Approve", "hours.approve", Map.of("entryId", "1"))),
            null));
  }
}
