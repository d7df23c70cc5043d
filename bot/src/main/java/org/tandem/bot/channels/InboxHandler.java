package org.tandem.bot.channels;

/** Works the inbox rows of one channel: runs the engine on a NEW row, delivers an ANSWERED one. */
public interface InboxHandler {

  /** {@code slack} or {@code teams}: the rows this handler works. */
  String channel();

  /**
   * Works the row: throws {@link RetryLater} (or any exception) to be tried again with back-off;
   * returns normally when the row is DONE or FAILED.
   */
  void work(InboxItem item);

  /**
   * The last attempt failed too: the answer to store in its place, telling the person (in their
   * language, with the time they asked) to ask again; empty when it cannot be said (the row is then
   * FAILED).
   */
  java.util.Optional<String> apology(InboxItem item);
}
