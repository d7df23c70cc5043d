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

  /** The last attempt failed too: tell the person later if possible (the row is then FAILED). */
  void giveUp(InboxItem item);
}
