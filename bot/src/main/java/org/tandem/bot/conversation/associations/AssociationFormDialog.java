package org.tandem.bot.conversation.associations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Choices;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.AssociationDraft;
import org.tandem.core.associations.Associations;
import org.tandem.core.associations.LegalId;
import org.tandem.core.causes.Cause;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority;
import org.tandem.core.places.Geocoder;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.Tenants;
import org.tandem.core.text.SearchText;

/**
 * {@code new association} ({@code nouvelle association}, {@code neuer verein}) and Edit: the
 * association form. The core checks it (legal identifier, website, duplicates); a duplicate is
 * answered with the association already there. Opened from the mission form, the form carries the
 * parked mission form's token, and saving (or finding the association already registered) takes the
 * mission form up again with the association chosen.
 */
@Component
public class AssociationFormDialog implements Handler {

  static final String FORM = "association";
  static final String PARKED = "parked";

  private final Associations associations;
  private final Geocoder geocoder;
  private final Tenants tenants;
  private final Choices choices;
  private final ObjectProvider<AfterAssociation> after;

  AssociationFormDialog(
      Associations associations,
      Geocoder geocoder,
      Tenants tenants,
      Choices choices,
      ObjectProvider<AfterAssociation> after) {
    this.associations = associations;
    this.geocoder = geocoder;
    this.tenants = tenants;
    this.choices = choices;
    this.after = after;
  }

  @Override
  public Set<String> commands() {
    return Set.of(
        "new association",
        "newassociation",
        "nouvelle association",
        "nouvelleassociation",
        "neuer verein",
        "neuerverein");
  }

  @Override
  public Set<String> actions() {
    return Set.of("association.new", "association.edit");
  }

  @Override
  public Set<String> formActions() {
    return actions();
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return opening(command.who(), null, null, name(command.args()), texts);
  }

  /** "nouvelle association Caritas": typed text still starts with the command's own words. */
  private String name(String args) {
    String[] words = (args == null ? "" : args.strip()).split("\\s+");
    int skip = 0;
    if (words.length >= 2 && commands().contains(SearchText.fold(words[0] + " " + words[1]))) {
      skip = 2;
    } else if (commands().contains(SearchText.fold(words[0]))) {
      skip = 1;
    }
    return String.join(" ", Arrays.asList(words).subList(skip, words.length)).strip();
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    return switch (action.id()) {
      case "association.edit" -> {
        OptionalLong id = Ids.parse(action.get("associationId"));
        yield id.isEmpty()
            ? Refusals.notFound(texts)
            : opening(who, id.getAsLong(), null, "", texts);
      }
      default -> opening(who, null, action.get(PARKED), nz(action.get("name")), texts);
    };
  }

  /**
   * The form to register an association from the mission form: {@code parked} names the mission
   * form set aside, {@code name} is what was searched.
   */
  public Reply fromMissionForm(Who who, String parked, String name, Texts texts) {
    return opening(who, null, parked, name, texts);
  }

  private Reply opening(Who who, Long id, String parked, String name, Texts texts) {
    Optional<Refusal> no =
        Authority.refusal(
            who.employeeId(),
            who.roles(),
            Authority.Action.MANAGE_ASSOCIATIONS,
            Authority.Subject.NONE);
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    Map<String, List<String>> values = new HashMap<>();
    Map<String, String> context = new HashMap<>();
    if (parked != null && !parked.isBlank()) {
      context.put(PARKED, parked);
    }
    if (id != null) {
      Optional<Association> found = associations.find(who.tenant(), id);
      if (found.isEmpty()) {
        return Refusals.notFound(texts);
      }
      Association a = found.get();
      context.put("associationId", Long.toString(a.id()));
      values.put("name", List.of(a.name()));
      values.put("description", List.of(a.description()));
      values.put("causes", a.causes());
      if (a.legalId() != null) {
        values.put("legalIdKind", List.of(a.legalId().kind().name()));
      }
      putIf(values, "registrationId", a.registrationId());
      putIf(values, "place", a.place() == null ? null : a.place().name());
      putIf(values, "website", a.website());
      putIf(values, "coordinatorName", a.coordinatorName());
      putIf(values, "coordinatorEmail", a.coordinatorEmail());
    } else if (!name.isBlank()) {
      values.put("name", List.of(name.length() > 200 ? name.substring(0, 200) : name));
    }
    return Reply.of(form(values, Map.of(), context, texts));
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    OptionalLong editing = Ids.parse(submit.context().get("associationId"));
    Map<String, String> errors = new HashMap<>();
    String country = tenants.find(who.tenant()).map(t -> t.country()).orElse("LU");
    Place place = null;
    if (!submit.value("place").isEmpty()) {
      place = geocoder.locate(submit.value("place"), country).orElse(null);
      if (place == null) {
        errors.put("place", texts.t("profile.error.place.unknown", submit.value("place")));
      }
    }
    if (!errors.isEmpty()) {
      return Reply.of(form(submit.values(), errors, submit.context(), texts));
    }
    AssociationDraft draft =
        new AssociationDraft(
            submit.value("name"),
            submit.value("description"),
            submit.values("causes").stream().map(Cause::parse).flatMap(Optional::stream).toList(),
            null,
            place,
            kind(submit.value("legalIdKind")),
            submit.value("registrationId"),
            submit.value("website"),
            submit.value("coordinatorName"),
            submit.value("coordinatorEmail"));
    Outcome<Association> o =
        editing.isPresent()
            ? associations.edit(who.tenant(), who.employeeId(), editing.getAsLong(), draft)
            : associations.register(who.tenant(), who.employeeId(), draft);
    String parked = submit.context().get(PARKED);
    if (!o.isDone()) {
      Refusal r = o.refusal();
      Optional<Association> existing = associations.existing(who.tenant(), r);
      if (existing.isPresent()) {
        return duplicate(who, r, existing.get(), parked, texts);
      }
      if (r.field() != null) {
        String message =
            r.code() == ReasonCode.INVALID_INPUT
                ? texts.t("association.error." + r.field())
                : r.message(texts.locale());
        return Reply.of(form(submit.values(), Map.of(r.field(), message), submit.context(), texts));
      }
      return Refusals.reply(r, texts);
    }
    Association a = o.value();
    if (parked != null && editing.isEmpty()) {
      Optional<Reply> back = resumed(who, parked, a, texts.t("association.chosen", a.name()));
      if (back.isPresent()) {
        return back.get();
      }
    }
    return Reply.of(AssociationCards.card(a, who, texts, List.of()))
        .then(
            new Reply.Notice(
                Reply.Notice.Level.SUCCESS,
                texts.t(editing.isPresent() ? "association.saved" : "association.created", a.name())
                    + ". "
                    + texts.t("association.created.next")))
        .then(
            new Reply.Card(
                texts.t("associations.title"),
                null,
                List.of(),
                null,
                List.of(
                    Button.primary(texts.t("button.mission.new"), "mission.new", Map.of()),
                    Button.of(texts.t("button.associations"), "associations.more", Map.of())),
                null));
  }

  /**
   * The association is already there: from the mission form, it is chosen there at once (the note
   * says why); otherwise it is shown, instead of a second one being created.
   */
  private Reply duplicate(
      Who who, Refusal refusal, Association existing, String parked, Texts texts) {
    String said = refusal.message(texts.locale());
    if (parked != null) {
      Optional<Reply> back = resumed(who, parked, existing, said);
      if (back.isPresent() && !existing.archived()) {
        return back.get();
      }
    }
    return Reply.of(new Reply.Notice(Reply.Notice.Level.WARNING, said))
        .then(AssociationCards.card(existing, who, texts, List.of()));
  }

  private Optional<Reply> resumed(Who who, String parked, Association a, String note) {
    AfterAssociation next = after.getIfAvailable();
    if (next == null || parked == null) {
      return Optional.empty();
    }
    return Optional.of(next.resume(who, parked, a, note, Texts.of(who.locale())));
  }

  private Reply.Form form(
      Map<String, List<String>> values,
      Map<String, String> errors,
      Map<String, String> context,
      Texts texts) {
    List<Field> fields = new ArrayList<>();
    fields.add(
        Field.filled(
            "name",
            texts.t("association.name"),
            FieldType.TEXT,
            true,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "legalIdKind",
            texts.t("association.legalIdKind"),
            FieldType.SELECT,
            false,
            List.of(
                new OptionGroup(
                    "",
                    Arrays.stream(LegalId.Kind.values())
                        .map(
                            k ->
                                new Option(
                                    k.name(), texts.t("association.legalIdKind." + k.name())))
                        .toList())),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "registrationId",
            texts.t("association.registrationId"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            texts.t("association.registrationId.placeholder")));
    fields.add(
        Field.filled(
            "causes",
            texts.t("association.causes"),
            FieldType.MULTI_SELECT,
            false,
            choices.causes(texts),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "place",
            texts.t("association.place"),
            FieldType.PLACE,
            false,
            List.of(),
            values,
            errors,
            texts.t("profile.place.placeholder")));
    fields.add(
        Field.filled(
            "website",
            texts.t("association.website"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            "https://"));
    fields.add(
        Field.filled(
            "coordinatorName",
            texts.t("association.coordinatorName"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "coordinatorEmail",
            texts.t("association.coordinatorEmail"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "description",
            texts.t("association.description"),
            FieldType.LONG_TEXT,
            false,
            List.of(),
            values,
            errors,
            null));
    String intro =
        !errors.isEmpty()
            ? texts.t("form.fix")
            : context.containsKey(PARKED)
                ? texts.t("association.form.intro.mission")
                : texts.t("association.form.intro");
    return new Reply.Form(
        FORM,
        texts.t(
            context.containsKey("associationId")
                ? "association.form.edit"
                : "association.form.new"),
        intro,
        fields,
        texts.t("association.form.save"),
        context);
  }

  private static LegalId.Kind kind(String value) {
    try {
      return value.isBlank() ? null : LegalId.Kind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void putIf(Map<String, List<String>> values, String key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, List.of(value));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
