package org.tandem.bot.conversation;

import java.util.List;
import java.util.Map;

/**
 * What arrived from a channel, in channel-neutral terms: free text, a command with arguments, an
 * action from a button (its id and data), or a submitted form (its id, values and context).
 */
public sealed interface Inbound {

  Who who();

  /** Free text typed in a DM, a mention or the try-it chat. */
  record Text(Who who, String text) implements Inbound {}

  /** A command such as {@code /tandem missions near Esch}: the subcommand name and the rest. */
  record Command(Who who, String name, String args) implements Inbound {}

  /** A button pressed: the action id and the data it carried. */
  record Action(Who who, String id, Map<String, String> data) implements Inbound {
    public Action {
      data = Map.copyOf(data);
    }

    public String get(String key) {
      return data.get(key);
    }
  }

  /** A form submitted: which form, the values per field, and the context the form carried. */
  record Submit(
      Who who, String formId, Map<String, List<String>> values, Map<String, String> context)
      implements Inbound {
    public Submit {
      values = Map.copyOf(values);
      context = Map.copyOf(context);
    }

    /** The first value of a field, stripped, or "" when absent. */
    public String value(String field) {
      List<String> v = values.get(field);
      return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
    }

    public List<String> values(String field) {
      return values.getOrDefault(field, List.of());
    }
  }
}
