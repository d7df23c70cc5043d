package org.tandem.bot.conversation;

import java.util.OptionalLong;

/** Ids read from button data and forms, which may be stale or forged: never trusted blindly. */
public final class Ids {

  private Ids() {}

  public static OptionalLong parse(String value) {
    if (value == null || value.isBlank() || value.length() > 19) {
      return OptionalLong.empty();
    }
    try {
      long id = Long.parseLong(value.strip());
      return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
