package org.tandem.bot.conversation.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.people.Role;

/** What Tandem can do for this person, by role; and the hint for text it did not understand. */
@Component
class HelpIntent implements Handler {

  @Override
  public Set<String> commands() {
    return Set.of("help", "aide", "hilfe", "hint");
  }

  @Override
  public Set<String> actions() {
    return Set.of("help");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    if (command.name().equals("hint")) {
      return Reply.of(
          new Reply.Card(
              texts.t("hint.title"),
              null,
              List.of(),
              texts.t("hint.text"),
              List.of(
                  Button.primary(texts.t("button.find"), "missions.find", Map.of()),
                  Button.of(texts.t("button.help"), "help", Map.of())),
              null));
    }
    return help(command.who().roles(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    return help(action.who().roles(), texts);
  }

  private static Reply help(Set<Role> roles, Texts texts) {
    StringBuilder text = new StringBuilder(texts.t("help.employee"));
    text.append('\n').append(texts.t("help.mydata"));
    text.append('\n').append(texts.t("help.notifications"));
    if (roles.contains(Role.CSR_MANAGER)) {
      text.append("\n\n").append(texts.t("help.csr"));
      text.append('\n').append(texts.t("help.campaigns"));
    }
    if (roles.contains(Role.ADMIN)) {
      text.append("\n\n").append(texts.t("help.admin"));
      text.append('\n').append(texts.t("help.admin.erase"));
      text.append("\n").append(texts.t("help.admin.setup"));
    }
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.primary(texts.t("button.find"), "missions.find", Map.of()));
    buttons.add(Button.of(texts.t("button.profile"), "profile.edit", Map.of()));
    buttons.add(Button.of(texts.t("button.log"), "hours.open", Map.of()));
    buttons.add(Button.of(texts.t("button.year"), "year.show", Map.of()));
    buttons.add(Button.of(texts.t("button.notifications"), "notifications.show", Map.of()));
    return Reply.of(
        new Reply.Card(texts.t("help.title"), null, List.of(), text.toString(), buttons, null));
  }
}
