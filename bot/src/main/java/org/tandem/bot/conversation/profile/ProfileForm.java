package org.tandem.bot.conversation.profile;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Choices;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.availability.Availability;
import org.tandem.core.availability.DayPart;
import org.tandem.core.people.Profile;

/** The profile form: skills grouped by family, place, range, remote, causes, languages, slots. */
@Component
public class ProfileForm {

  public static final String ID = "profile";
  static final List<String> LANGUAGES = List.of("fr", "en", "de", "lb", "pt", "it", "nl", "es");

  private final Choices choices;

  ProfileForm(Choices choices) {
    this.choices = choices;
  }

  /** The form filled with the profile; {@code intro} welcomes a newcomer or says what to edit. */
  public Reply.Form form(Profile p, String intro, Texts texts) {
    return new Reply.Form(
        ID, texts.t("profile.title"), intro, fields(p, texts), texts.t("profile.save"), Map.of());
  }

  List<Field> fields(Profile p, Texts texts) {
    List<Field> fields = new ArrayList<>();
    fields.add(
        new Field(
            "skills",
            texts.t("profile.skills"),
            FieldType.MULTI_SELECT,
            false,
            choices.skills(texts),
            p.skills(),
            null,
            null));
    fields.add(
        new Field(
            "place",
            texts.t("profile.place"),
            FieldType.PLACE,
            true,
            List.of(),
            p.place() == null ? List.of() : List.of(p.place().name()),
            texts.t("profile.place.placeholder"),
            null));
    fields.add(
        new Field(
            "travelKm",
            texts.t("profile.travel"),
            FieldType.NUMBER,
            true,
            List.of(),
            List.of(Integer.toString(p.travelKm())),
            "15",
            null));
    fields.add(
        new Field(
            "remote",
            texts.t("profile.remote"),
            FieldType.SELECT,
            true,
            List.of(
                new OptionGroup(
                    "",
                    List.of(new Option("yes", texts.t("yes")), new Option("no", texts.t("no"))))),
            List.of(p.remoteOk() ? "yes" : "no"),
            null,
            null));
    fields.add(
        new Field(
            "causes",
            texts.t("profile.causes"),
            FieldType.MULTI_SELECT,
            false,
            choices.causes(texts),
            p.causes(),
            null,
            null));
    fields.add(
        new Field(
            "languages",
            texts.t("profile.languages"),
            FieldType.MULTI_SELECT,
            false,
            List.of(
                new OptionGroup(
                    "",
                    LANGUAGES.stream().map(l -> new Option(l, texts.t("language." + l))).toList())),
            p.languages(),
            null,
            null));
    fields.add(
        new Field(
            "availability",
            texts.t("profile.availability"),
            FieldType.MULTI_SELECT,
            false,
            slotGroups(texts),
            slotValues(p.availability()),
            null,
            null));
    return fields;
  }

  static List<OptionGroup> slotGroups(Texts texts) {
    List<OptionGroup> groups = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      String day = d.getDisplayName(TextStyle.FULL, texts.locale());
      List<Option> options = new ArrayList<>();
      for (DayPart part : DayPart.values()) {
        options.add(new Option(slot(d, part), day + " — " + part.label(texts.locale())));
      }
      groups.add(new OptionGroup(day, options));
    }
    return groups;
  }

  static String slot(DayOfWeek d, DayPart part) {
    return d.name().substring(0, 3) + "_" + part.name();
  }

  static List<String> slotValues(Availability a) {
    return a.slots().stream().map(s -> slot(s.day(), s.part())).toList();
  }

  /** Availability from submitted slot values; unknown values are ignored. */
  static Availability availability(List<String> values) {
    Availability a = Availability.NONE;
    for (DayOfWeek d : DayOfWeek.values()) {
      for (DayPart part : DayPart.values()) {
        if (values.contains(slot(d, part))) {
          a = a.with(d, part);
        }
      }
    }
    return a;
  }
}
