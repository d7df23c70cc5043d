package org.tandem.bot.conversation.associations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.LegalId;
import org.tandem.core.causes.Cause;
import org.tandem.core.people.Authority;

/** An association as a card: what it is, where, who to ask; buttons for those who manage them. */
final class AssociationCards {

  static final int DESCRIPTION = 300;

  private AssociationCards() {}

  static boolean mayManage(Who who) {
    return Authority.may(who.employeeId(), who.roles(), Authority.Action.MANAGE_ASSOCIATIONS);
  }

  static Reply.Card card(Association a, Who who, Texts texts, List<Button> extra) {
    List<Reply.Fact> facts = new ArrayList<>();
    LegalId legal = a.legalId();
    if (legal != null) {
      facts.add(new Reply.Fact(texts.t("association.legalId"), legal.written()));
    } else if (a.registrationId() != null) {
      facts.add(new Reply.Fact(texts.t("association.legalId"), a.registrationId()));
    }
    if (a.place() != null) {
      facts.add(new Reply.Fact(texts.t("association.town"), a.place().name()));
    }
    if (a.website() != null) {
      facts.add(new Reply.Fact(texts.t("association.website"), a.website()));
    }
    String coordinator =
        String.join(
            " · ",
            java.util.stream.Stream.of(a.coordinatorName(), a.coordinatorEmail())
                .filter(s -> s != null && !s.isBlank())
                .toList());
    if (!coordinator.isEmpty()) {
      facts.add(new Reply.Fact(texts.t("association.coordinator"), coordinator));
    }
    List<String> causes =
        a.causes().stream()
            .map(Cause::parse)
            .flatMap(Optional::stream)
            .map(c -> c.label(texts.locale()))
            .toList();
    if (!causes.isEmpty()) {
      facts.add(new Reply.Fact(texts.t("association.causes"), String.join(", ", causes)));
    }
    String description = a.description() == null ? "" : a.description();
    if (description.length() > DESCRIPTION) {
      description = description.substring(0, DESCRIPTION - 1) + "…";
    }
    List<Button> buttons = new ArrayList<>(extra);
    if (mayManage(who)) {
      Map<String, String> id = Map.of("associationId", Long.toString(a.id()));
      buttons.add(Button.of(texts.t("button.edit"), "association.edit", id));
      buttons.add(
          a.archived()
              ? Button.of(
                  texts.t("button.unarchive"),
                  "association.archive",
                  Map.of("associationId", Long.toString(a.id()), "archived", "false"))
              : new Button(
                  texts.t("button.archive"),
                  "association.archive",
                  Map.of("associationId", Long.toString(a.id()), "archived", "true"),
                  Button.Style.DANGER));
    }
    return new Reply.Card(
        a.name(),
        a.archived() ? texts.t("association.archived") : null,
        facts,
        description,
        buttons,
        null);
  }
}
