package org.tandem.bot.conversation;

import java.util.Set;

/**
 * One intent or dialog of the engine. It names the commands, button actions and forms it answers;
 * the {@link ConversationEngine} routes each inbound to the one handler that claims it.
 */
public interface Handler {

  /**
   * Command names (and their French and German aliases) this handler answers; a name of two words
   * ("admin link") is a subcommand, chosen before the first word's own handler.
   */
  default Set<String> commands() {
    return Set.of();
  }

  /** Button action ids this handler answers. */
  default Set<String> actions() {
    return Set.of();
  }

  /**
   * Of {@link #actions()}, those answered with a form: their buttons may open it as a dialog at
   * once (Teams task modules).
   */
  default Set<String> formActions() {
    return Set.of();
  }

  /** Form ids whose submissions this handler answers. */
  default Set<String> forms() {
    return Set.of();
  }

  default Reply command(Inbound.Command command, Texts texts) {
    throw new IllegalStateException(getClass().getSimpleName() + " takes no command");
  }

  default Reply action(Inbound.Action action, Texts texts) {
    throw new IllegalStateException(getClass().getSimpleName() + " takes no action");
  }

  /**
   * Choices for a {@link Reply.FieldType#SEARCH} field of one of {@link #forms()}, for what was
   * typed (Slack asks as the person types).
   */
  default java.util.List<Reply.Option> suggest(Who who, String field, String typed, Texts texts) {
    return java.util.List.of();
  }

  default Reply submit(Inbound.Submit submit, Texts texts) {
    throw new IllegalStateException(getClass().getSimpleName() + " takes no form");
  }
}
