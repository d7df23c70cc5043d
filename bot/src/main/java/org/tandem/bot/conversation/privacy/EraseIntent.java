package org.tandem.bot.conversation.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.privacy.Erasure;
import org.tandem.core.text.SearchText;

/**
 * "admin erase Claire Martin": the admin sees whom they are about to erase and what it means, then
 * confirms with a button; the core decides who may ({@link Erasure}).
 */
@Component
class EraseIntent implements Handler {

  static final String ERASE = "person.erase";
  static final String KEEP = "person.erase.keep";

  private final People people;
  private final Erasure erasure;

  EraseIntent(People people, Erasure erasure) {
    this.people = people;
    this.erasure = erasure;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin erase", "admin effacer", "admin löschen", "admin loschen");
  }

  @Override
  public Set<String> actions() {
    return Set.of(ERASE, KEEP);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.ERASE_PERSON)) {
      return Refusals.reply(new Refusal(ReasonCode.ADMINS_ONLY, new Object[0]), texts);
    }
    // Typed as text, the command's own words come first: "admin effacer Claire".
    String name =
        SearchText.fold(command.args())
            .replace("@", "")
            .replaceFirst("^(admin )?(erase|effacer|loschen) ?", "")
            .strip();
    if (name.isEmpty()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("erase.usage"));
    }
    List<Employee> matches = new ArrayList<>();
    for (Employee e : people.members(who.tenant())) {
      if (e.erased()) {
        continue;
      }
      String n = SearchText.fold(e.displayName());
      String mail = e.email() == null ? "" : SearchText.fold(e.email());
      if (n.equals(name) || mail.equals(name)) {
        matches = new ArrayList<>(List.of(e));
        break;
      }
      if (n.contains(name) || mail.startsWith(name)) {
        matches.add(e);
      }
    }
    if (matches.size() != 1) {
      return Reply.notice(
          Reply.Notice.Level.WARNING,
          texts.t(matches.isEmpty() ? "admin.nobody" : "admin.ambiguous", name));
    }
    Employee target = matches.get(0);
    Optional<Refusal> no = erasure.refusal(who.tenant(), who.employeeId(), target.id());
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    List<Fact> facts = new ArrayList<>();
    if (target.email() != null) {
      facts.add(new Fact(texts.t("erase.email"), target.email()));
    }
    if (target.site() != null) {
      facts.add(new Fact(texts.t("erase.site"), target.site()));
    }
    return Reply.of(
        new Reply.Card(
            texts.t("erase.title", target.displayName()),
            null,
            facts,
            texts.t("erase.what"),
            List.of(
                new Button(
                    texts.t("erase.confirm"),
                    ERASE,
                    Map.of("person", Long.toString(target.id())),
                    Button.Style.DANGER),
                Button.of(texts.t("erase.keep"), KEEP, Map.of())),
            null));
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    if (KEEP.equals(action.id())) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("erase.kept"));
    }
    long person;
    try {
      person = Long.parseLong(action.get("person"));
    } catch (NumberFormatException e) {
      return Refusals.reply(new Refusal(ReasonCode.NOT_FOUND, new Object[0]), texts);
    }
    Optional<String> name =
        people.find(who.tenant(), person).filter(e -> !e.erased()).map(Employee::displayName);
    Outcome<String> o = erasure.erase(who.tenant(), who.employeeId(), person);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.notice(
        Reply.Notice.Level.SUCCESS, texts.t("erase.done", name.orElse(o.value()), o.value()));
  }
}
