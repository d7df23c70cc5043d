package org.tandem.bot.conversation.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Directory;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;

/**
 * "person Claire" (personne, person): an admin sees one person's directory entry and roles, edits
 * site, department, country and line manager in a form (the manager found by name or email), and
 * grants or revokes the CSR manager and admin roles. The core decides who may and what is valid.
 */
@Component
class PersonIntent implements Handler {

  static final String FORM = "person";
  static final int SHOWN = 8;
  private static final Pattern COMMAND_WORD =
      Pattern.compile("^(person|personne)(\\s+|$)", Pattern.CASE_INSENSITIVE);

  private final Directory directory;
  private final People people;

  PersonIntent(Directory directory, People people) {
    this.directory = directory;
    this.people = people;
  }

  @Override
  public Set<String> commands() {
    return Set.of("person", "personne");
  }

  @Override
  public Set<String> actions() {
    return Set.of("person.show", "person.edit", "person.role");
  }

  @Override
  public Set<String> formActions() {
    return Set.of("person.edit");
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    String query = COMMAND_WORD.matcher(command.args().strip()).replaceFirst("").strip();
    Outcome<List<Employee>> found = directory.search(who.tenant(), who.employeeId(), query, SHOWN);
    if (!found.isDone()) {
      return Refusals.reply(found.refusal(), texts);
    }
    if (query.isEmpty()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("person.usage"));
    }
    List<Employee> people = found.value();
    if (people.isEmpty()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("person.none", query));
    }
    if (people.size() == 1) {
      return Reply.of(card(who, people.get(0), texts));
    }
    List<Button> buttons = new ArrayList<>();
    for (Employee e : people) {
      buttons.add(Button.of(label(e), "person.show", Map.of("id", Long.toString(e.id()))));
    }
    return Reply.of(
        new Reply.Card(texts.t("person.several", query), null, List.of(), null, buttons, null));
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    OptionalLong id = Ids.parse(action.get("id"));
    Outcome<Employee> person =
        directory.person(who.tenant(), who.employeeId(), id.isPresent() ? id.getAsLong() : -1);
    if (!person.isDone()) {
      return Refusals.reply(person.refusal(), texts);
    }
    return switch (action.id()) {
      case "person.edit" -> Reply.of(form(who, person.value(), Map.of(), null, texts));
      case "person.role" -> role(who, person.value(), action, texts);
      default -> Reply.of(card(who, person.value(), texts));
    };
  }

  private Reply role(Who who, Employee person, Inbound.Action action, Texts texts) {
    Role role;
    try {
      role = Role.valueOf(action.get("role"));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Refusals.notFound(texts);
    }
    if (role == Role.EMPLOYEE) {
      return Refusals.notFound(texts);
    }
    boolean grant = "true".equals(action.get("grant"));
    Outcome<Employee> o =
        grant
            ? people.grant(who.tenant(), who.employeeId(), person.id(), role)
            : people.revoke(who.tenant(), who.employeeId(), person.id(), role);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.of(card(who, o.value(), texts));
  }

  @Override
  public Reply submit(Inbound.Submit s, Texts texts) {
    Who who = s.who();
    OptionalLong id = Ids.parse(s.context().get("id"));
    Outcome<Employee> entry =
        directory.person(who.tenant(), who.employeeId(), id.isPresent() ? id.getAsLong() : -1);
    if (!entry.isDone()) {
      return Refusals.reply(entry.refusal(), texts);
    }
    Optional<Employee> person = Optional.of(entry.value());
    String managerText = s.value("manager");
    Long managerId = null;
    if (!managerText.isEmpty()) {
      Outcome<List<Employee>> found =
          directory.search(who.tenant(), who.employeeId(), managerText, SHOWN);
      if (!found.isDone()) {
        return Refusals.reply(found.refusal(), texts);
      }
      List<Employee> candidates = found.value();
      if (candidates.size() != 1) {
        String error =
            candidates.isEmpty()
                ? texts.t("person.manager.none", managerText)
                : texts.t(
                    "person.manager.several",
                    managerText,
                    String.join(", ", candidates.stream().map(PersonIntent::label).toList()));
        return Reply.of(form(who, person.get(), s.values(), Map.of("manager", error), texts));
      }
      managerId = candidates.get(0).id();
    }
    Outcome<Employee> saved =
        directory.edit(
            who.tenant(),
            who.employeeId(),
            person.get().id(),
            s.value("site"),
            s.value("department"),
            s.value("country"),
            managerId);
    if (!saved.isDone()) {
      Refusal r = saved.refusal();
      if (r.field() != null) {
        return Reply.of(
            form(
                who,
                person.get(),
                s.values(),
                Map.of(r.field(), r.message(texts.locale())),
                texts));
      }
      return Refusals.reply(r, texts);
    }
    return Reply.notice(
            Reply.Notice.Level.SUCCESS, texts.t("person.saved", saved.value().displayName()))
        .then(card(who, saved.value(), texts));
  }

  /** The person's entry: email, workplace, line manager, roles, and what an admin may change. */
  private Reply.Card card(Who who, Employee e, Texts texts) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(texts.t("person.email"), or(e.email(), texts)));
    facts.add(new Fact(texts.t("person.site"), or(e.site(), texts)));
    facts.add(new Fact(texts.t("person.department"), or(e.department(), texts)));
    facts.add(new Fact(texts.t("person.country"), or(e.country(), texts)));
    facts.add(new Fact(texts.t("person.manager"), or(managerName(who, e), texts)));
    List<String> roles = new ArrayList<>();
    for (Role r : List.of(Role.CSR_MANAGER, Role.ADMIN)) {
      if (e.has(r)) {
        roles.add(texts.t("role." + r.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    if (roles.isEmpty()) {
      roles.add(texts.t("role.employee"));
    }
    if (!e.active()) {
      roles.add(texts.t("person.deactivated"));
    }
    facts.add(new Fact(texts.t("person.roles"), String.join(", ", roles)));
    String id = Long.toString(e.id());
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.primary(texts.t("person.edit"), "person.edit", Map.of("id", id)));
    for (Role r : List.of(Role.CSR_MANAGER, Role.ADMIN)) {
      String key = r.name().toLowerCase(java.util.Locale.ROOT);
      buttons.add(
          Button.of(
              texts.t((e.has(r) ? "person.revoke." : "person.grant.") + key),
              "person.role",
              Map.of("id", id, "role", r.name(), "grant", Boolean.toString(!e.has(r)))));
    }
    return new Reply.Card(e.displayName(), null, facts, null, buttons, null);
  }

  private String managerName(Who who, Employee e) {
    if (e.managerId() == null) {
      return null;
    }
    return people.find(who.tenant(), e.managerId()).map(PersonIntent::label).orElse(null);
  }

  private Reply.Form form(
      Who who,
      Employee e,
      Map<String, List<String>> typed,
      Map<String, String> errors,
      Texts texts) {
    String manager =
        e.managerId() == null
            ? ""
            : people
                .find(who.tenant(), e.managerId())
                .map(m -> m.email() != null ? m.email() : m.displayName())
                .orElse("");
    List<Field> fields = new ArrayList<>();
    fields.add(field("site", texts.t("person.site"), typed, e.site(), errors));
    fields.add(field("department", texts.t("person.department"), typed, e.department(), errors));
    fields.add(field("country", texts.t("person.country"), typed, e.country(), errors));
    fields.add(field("manager", texts.t("person.manager"), typed, manager, errors));
    return new Reply.Form(
        FORM,
        texts.t("person.form.title"),
        texts.t("person.form.intro", e.displayName()),
        fields,
        texts.t("person.form.save"),
        Map.of("id", Long.toString(e.id())));
  }

  private static Field field(
      String name,
      String label,
      Map<String, List<String>> typed,
      String current,
      Map<String, String> errors) {
    List<String> v = typed.get(name);
    String value = v != null && !v.isEmpty() && v.get(0) != null ? v.get(0) : current;
    return new Field(
        name,
        label,
        FieldType.TEXT,
        false,
        List.of(),
        value == null || value.isEmpty() ? List.of() : List.of(value),
        null,
        errors == null ? null : errors.get(name));
  }

  private static String label(Employee e) {
    return e.email() == null ? e.displayName() : e.displayName() + " (" + e.email() + ")";
  }

  private static String or(String value, Texts texts) {
    return value == null || value.isBlank() ? texts.t("person.unset") : value;
  }
}
