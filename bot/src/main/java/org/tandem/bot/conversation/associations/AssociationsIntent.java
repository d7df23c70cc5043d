package org.tandem.bot.conversation.associations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.Associations;
import org.tandem.core.common.Outcome;

/**
 * {@code associations} ({@code vereine}), optionally with words to search ("associations croix"):
 * the company's associations, five at a time, each with Edit and Archive for those who manage them;
 * the archived ones on request, to bring one back.
 */
@Component
class AssociationsIntent implements Handler {

  static final int PAGE = 5;
  static final int MAX_QUERY = 100;

  private final Associations associations;

  AssociationsIntent(Associations associations) {
    this.associations = associations;
  }

  @Override
  public Set<String> commands() {
    return Set.of("associations", "vereine");
  }

  @Override
  public Set<String> actions() {
    return Set.of("associations.more", "associations.archived", "association.archive");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return page(command.who(), query(command.args()), 0, false, texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    return switch (action.id()) {
      case "associations.more" ->
          page(
              who,
              query(action.get("q")),
              (int) Math.min(Ids.parse(action.get("offset")).orElse(0), 100_000),
              "true".equals(action.get("archived")),
              texts);
      case "associations.archived" -> page(who, "", 0, true, texts);
      default -> archive(action, texts);
    };
  }

  private Reply archive(Inbound.Action action, Texts texts) {
    Who who = action.who();
    OptionalLong id = Ids.parse(action.get("associationId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    boolean archived = !"false".equals(action.get("archived"));
    Outcome<Association> o =
        associations.archive(who.tenant(), who.employeeId(), id.getAsLong(), archived);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    Association a = o.value();
    return Reply.of(
            new Reply.Notice(
                Reply.Notice.Level.SUCCESS,
                texts.t(
                    archived ? "association.archived.done" : "association.unarchived.done",
                    a.name())))
        .then(AssociationCards.card(a, who, texts, List.of()));
  }

  /** "associations croix": the words after the command word, which typed text still holds. */
  private static String query(String args) {
    String q = args == null ? "" : args.strip();
    String[] words = q.split("\\s+", 2);
    if (Set.of("associations", "vereine")
        .contains(org.tandem.core.text.SearchText.fold(words[0]))) {
      q = words.length > 1 ? words[1].strip() : "";
    }
    return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
  }

  private Reply page(Who who, String query, int offset, boolean archived, Texts texts) {
    Associations.Page page = associations.search(who.tenant(), query, offset, PAGE, archived);
    List<Reply.Part> parts = new ArrayList<>();
    if (offset == 0) {
      String title =
          archived
              ? texts.t("associations.archived.count", page.total())
              : query.isEmpty()
                  ? texts.t("associations.count", page.total())
                  : texts.t("associations.matching", page.total(), query);
      List<Button> buttons = new ArrayList<>();
      if (AssociationCards.mayManage(who)) {
        buttons.add(Button.primary(texts.t("button.association.new"), "association.new", Map.of()));
        if (!archived) {
          buttons.add(
              Button.of(texts.t("associations.archived.show"), "associations.archived", Map.of()));
        }
      }
      String hint = page.total() == 0 && !archived ? texts.t("associations.none.hint") : null;
      parts.add(new Reply.Card(title, null, List.of(), hint, buttons, null));
    }
    for (Association a : page.items()) {
      parts.add(AssociationCards.card(a, who, texts, List.of()));
    }
    if (page.more()) {
      parts.add(
          new Reply.More(
              texts.t("associations.more"),
              "associations.more",
              Map.of(
                  "q",
                  query,
                  "offset",
                  Integer.toString(offset + PAGE),
                  "archived",
                  Boolean.toString(archived))));
    }
    return new Reply(parts);
  }
}
