package org.tandem.bot.conversation.manage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Choices;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.associations.Associations;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.TeamSize;
import org.tandem.core.people.Authority;

/**
 * The mission form as it is drawn: its association searched among the company's, its fields filled
 * with what was typed or stored. {@link MissionFormDialog} decides when to show it and reads it.
 */
@Component
class MissionForm {

  private final Associations associations;
  private final Choices choices;

  MissionForm(Associations associations, Choices choices) {
    this.associations = associations;
    this.choices = choices;
  }

  /** The form filled with {@code values}, each field showing its error from the last submit. */
  Reply.Form draw(
      Who who,
      Map<String, List<String>> values,
      Map<String, String> errors,
      Map<String, String> context,
      Texts texts) {
    List<OptionGroup> skillGroups = choices.skills(texts);
    List<Field> fields = new ArrayList<>();
    fields.add(associationField(who, values, errors, texts));
    fields.add(
        Field.filled(
            "title",
            texts.t("mission.title"),
            FieldType.TEXT,
            true,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "description",
            texts.t("mission.description"),
            FieldType.LONG_TEXT,
            false,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "skills",
            texts.t("mission.skills"),
            FieldType.MULTI_SELECT,
            false,
            skillGroups,
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "causes",
            texts.t("mission.causes"),
            FieldType.MULTI_SELECT,
            false,
            choices.causes(texts),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "mode",
            texts.t("mission.mode"),
            FieldType.SELECT,
            true,
            List.of(
                new OptionGroup(
                    "",
                    Arrays.stream(MissionMode.values())
                        .map(
                            m ->
                                new Option(
                                    m.name(),
                                    texts.t(
                                        "mode.option."
                                            + m.name().toLowerCase(java.util.Locale.ROOT))))
                        .toList())),
            values.containsKey("mode") ? values : with(values, "mode", "ONSITE"),
            errors,
            null));
    fields.add(
        Field.filled(
            "place",
            texts.t("mission.place"),
            FieldType.PLACE,
            false,
            List.of(),
            values,
            errors,
            texts.t("profile.place.placeholder")));
    fields.add(
        Field.filled(
            "link",
            texts.t("mission.link"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            "https://"));
    fields.add(
        Field.filled(
            "firstDate",
            texts.t("mission.firstDate"),
            FieldType.DATE,
            false,
            List.of(),
            values,
            errors,
            null));
    fields.add(
        Field.filled(
            "startTime",
            texts.t("mission.startTime"),
            FieldType.TEXT,
            false,
            List.of(),
            values,
            errors,
            "18:00"));
    fields.add(
        Field.filled(
            "sessions",
            texts.t("mission.sessions"),
            FieldType.NUMBER,
            false,
            List.of(),
            values,
            errors,
            "1"));
    fields.add(
        Field.filled(
            "hoursPerSession",
            texts.t("mission.hoursPerSession"),
            FieldType.TEXT,
            true,
            List.of(),
            values,
            errors,
            texts.t("mission.hoursPerSession.placeholder")));
    fields.add(
        Field.filled(
            "capacity",
            texts.t("mission.capacity"),
            FieldType.NUMBER,
            true,
            List.of(),
            values,
            errors,
            "4"));
    fields.add(
        Field.filled(
            "teamSize",
            texts.t("mission.team"),
            FieldType.SELECT,
            true,
            List.of(
                new OptionGroup(
                    "",
                    Arrays.stream(TeamSize.values())
                        .map(
                            t ->
                                new Option(
                                    t.name(),
                                    texts.t("team." + t.name().toLowerCase(java.util.Locale.ROOT))))
                        .toList())),
            values.containsKey("teamSize") ? values : with(values, "teamSize", "SINGLE"),
            errors,
            null));
    List<Button> submits = new ArrayList<>();
    submits.add(
        Button.of(
            texts.t("button.search"),
            MissionFormDialog.FORM,
            Map.of(MissionFormDialog.VIA, "search")));
    if (Authority.may(who.employeeId(), who.roles(), Authority.Action.MANAGE_ASSOCIATIONS)) {
      submits.add(
          Button.of(
              texts.t("button.association.new"),
              MissionFormDialog.FORM,
              Map.of(MissionFormDialog.VIA, "new")));
    }
    return new Reply.Form(
        MissionFormDialog.FORM,
        texts.t(context.containsKey("missionId") ? "mission.form.edit" : "mission.form.new"),
        errors.isEmpty() ? texts.t("mission.form.intro") : texts.t("form.fix"),
        fields,
        texts.t("mission.form.save"),
        context,
        null,
        submits);
  }

  /**
   * The association, searched: the one chosen (even archived, for a mission that has it) and those
   * matching what was searched; a note instead of choices when there are none.
   */
  private Field associationField(
      Who who, Map<String, List<String>> values, Map<String, String> errors, Texts texts) {
    String query =
        values.getOrDefault(Field.queryName(MissionFormDialog.ASSOCIATION), List.of()).stream()
            .findFirst()
            .map(String::strip)
            .orElse("");
    List<Option> options = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    values.getOrDefault(MissionFormDialog.ASSOCIATION, List.of()).stream()
        .findFirst()
        .flatMap(v -> Ids.parse(v).stream().boxed().findFirst())
        .flatMap(id -> associations.find(who.tenant(), id))
        .ifPresent(
            a -> {
              options.add(new Option(Long.toString(a.id()), a.name()));
              chosen.add(Long.toString(a.id()));
            });
    matches(who, query).stream().filter(o -> !chosen.contains(o.value())).forEach(options::add);
    String note =
        !options.isEmpty()
            ? texts.t("mission.association.placeholder")
            : query.isEmpty()
                ? texts.t("mission.association.none")
                : texts.t("mission.association.nomatch", query);
    return new Field(
        MissionFormDialog.ASSOCIATION,
        texts.t("mission.association"),
        FieldType.SEARCH,
        true,
        List.of(new OptionGroup("", options)),
        chosen,
        note,
        errors.get(MissionFormDialog.ASSOCIATION),
        query);
  }

  private static Map<String, List<String>> with(
      Map<String, List<String>> values, String key, String value) {
    Map<String, List<String>> copy = new HashMap<>(values);
    copy.put(key, List.of(value));
    return copy;
  }

  /** The associations whose name matches what was typed, as choices. */
  List<Option> matches(Who who, String query) {
    return associations
        .search(who.tenant(), query, 0, MissionFormDialog.SUGGESTIONS)
        .items()
        .stream()
        .map(a -> new Option(Long.toString(a.id()), a.name()))
        .toList();
  }
}
