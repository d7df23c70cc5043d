package org.tandem.bot.conversation.manage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Choices;
import org.tandem.bot.conversation.DateParser;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.HoursParser;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.ParkedForms;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.associations.AfterAssociation;
import org.tandem.bot.conversation.associations.AssociationFormDialog;
import org.tandem.core.associations.Association;
import org.tandem.core.associations.Associations;
import org.tandem.core.availability.Availability;
import org.tandem.core.causes.Cause;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Schedule;
import org.tandem.core.missions.Session;
import org.tandem.core.missions.TeamSize;
import org.tandem.core.people.Authority;
import org.tandem.core.places.Geocoder;
import org.tandem.core.places.Place;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.tenants.Tenants;

/**
 * CSR managers create and edit missions in a form. A first date with a number of sessions makes a
 * weekly series (one session: a single date); no date makes a flexible mission. The core checks the
 * mission; its objections come back on the right field.
 */
@Component
class MissionFormDialog implements Handler, AfterAssociation {

  static final String FORM = "mission";
  static final String ASSOCIATION = "association";

  /** How many associations the search shows or suggests at once. */
  static final int SUGGESTIONS = 20;

  /** The value of the association field's last suggestion: register a new one. */
  static final String NEW_ASSOCIATION = "new";

  /** What a form's other submit buttons add to its context: search again, register one. */
  static final String VIA = "via";

  private final Missions missions;
  private final Associations associations;
  private final SkillTaxonomy skills;
  private final Geocoder geocoder;
  private final Tenants tenants;
  private final Choices choices;
  private final ParkedForms parked;
  private final AssociationFormDialog associationForm;
  private final MissionForm form;

  MissionFormDialog(
      Missions missions,
      Associations associations,
      SkillTaxonomy skills,
      Geocoder geocoder,
      Tenants tenants,
      Choices choices,
      ParkedForms parked,
      AssociationFormDialog associationForm,
      MissionForm form) {
    this.missions = missions;
    this.associations = associations;
    this.skills = skills;
    this.geocoder = geocoder;
    this.tenants = tenants;
    this.choices = choices;
    this.parked = parked;
    this.associationForm = associationForm;
    this.form = form;
  }

  @Override
  public Set<String> commands() {
    return Set.of(
        "newmission",
        "new mission",
        "nouvellemission",
        "nouvelle mission",
        "neuereinsatz",
        "neuer einsatz");
  }

  @Override
  public Set<String> actions() {
    return Set.of("mission.new", "mission.edit");
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
    return open(command.who(), null, texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Long id =
        action.id().equals("mission.edit")
            ? Ids.parse(action.get("missionId")).stream().boxed().findFirst().orElse(-1L)
            : null;
    return open(action.who(), id, texts);
  }

  /**
   * Why this person may not fill the form: a new mission is for CSR managers, an edit for them and
   * the mission's organiser. The core decides again when the form is saved.
   */
  private static Optional<Refusal> mayNot(Who who, Optional<Mission> editing) {
    return editing.isPresent()
        ? Authority.refusal(
            who.employeeId(),
            who.roles(),
            Authority.Action.EDIT_MISSION,
            Authority.Subject.organisedBy(editing.get().createdBy()))
        : Authority.refusal(
            who.employeeId(), who.roles(), Authority.Action.CREATE_MISSION, Authority.Subject.NONE);
  }

  private Reply open(Who who, Long missionId, Texts texts) {
    Map<String, List<String>> values = new HashMap<>();
    Map<String, String> context = new HashMap<>();
    Optional<Mission> found =
        missionId == null ? Optional.empty() : missions.find(who.tenant(), missionId);
    if (missionId != null && found.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Optional<Refusal> no = mayNot(who, found);
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    if (found.isPresent()) {
      Mission m = found.get();
      context.put("missionId", Long.toString(m.id()));
      values.put("association", List.of(Long.toString(m.associationId())));
      values.put("title", List.of(m.title()));
      values.put("description", List.of(m.description()));
      values.put("skills", m.skills());
      values.put("causes", m.causes());
      values.put("languages", m.languages());
      values.put("mode", List.of(m.mode().name()));
      values.put("place", m.place() == null ? List.of() : List.of(m.place().name()));
      values.put("link", m.link() == null ? List.of() : List.of(m.link()));
      List<Session> sessions = missions.sessions(who.tenant(), m.id());
      if (!sessions.isEmpty()) {
        var first = sessions.get(0).startsAt().atZone(zone(who));
        values.put("firstDate", List.of(first.toLocalDate().toString()));
        values.put("startTime", List.of(first.toLocalTime().toString()));
        values.put("sessions", List.of(Integer.toString(sessions.size())));
      }
      values.put(
          "hoursPerSession",
          List.of(texts.hours(m.hoursPerSession().multiply(BigDecimal.valueOf(60)).intValue())));
      values.put("capacity", List.of(Integer.toString(m.capacity())));
      values.put("teamSize", List.of(m.teamSize().name()));
    }
    return Reply.of(form.draw(who, values, Map.of(), context, texts));
  }

  /** The association field's choices as Slack asks for them: matches, then "New association…". */
  @Override
  public List<Option> suggest(Who who, String field, String typed, Texts texts) {
    if (!field.equals(ASSOCIATION)) {
      return List.of();
    }
    List<Option> options = new ArrayList<>(form.matches(who, typed));
    if (Authority.may(who.employeeId(), who.roles(), Authority.Action.MANAGE_ASSOCIATIONS)) {
      options.add(new Option(NEW_ASSOCIATION, texts.t("mission.association.new")));
    }
    return options;
  }

  @Override
  public Reply resume(Who who, String token, Association chosen, String note, Texts texts) {
    Optional<ParkedForms.Parked> kept =
        parked.find(who, token).filter(p -> p.formId().equals(FORM));
    Map<String, List<String>> values =
        new HashMap<>(kept.map(ParkedForms.Parked::values).orElse(Map.of()));
    values.put(ASSOCIATION, List.of(Long.toString(chosen.id())));
    values.remove(Field.queryName(ASSOCIATION));
    Map<String, String> context = kept.map(ParkedForms.Parked::context).orElse(Map.of());
    // A mission being edited keeps its organiser's rule; a new one, CSR managers'.
    Optional<Mission> editing =
        Ids.parse(context.get("missionId")).stream()
            .boxed()
            .findFirst()
            .flatMap(id -> missions.find(who.tenant(), id));
    Optional<Refusal> no = mayNot(who, editing);
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    Reply.Form f = form.draw(who, values, Map.of(), context, texts);
    String intro =
        kept.isPresent() || token.isBlank()
            ? note
            : texts.t("mission.association.lost") + " " + note;
    return Reply.of(
        new Reply.Form(
            f.id(), f.title(), intro, f.fields(), f.submitLabel(), f.context(), null, f.submits()));
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    Map<String, String> context = new HashMap<>(submit.context());
    String via = context.remove(VIA);
    if ("search".equals(via)) {
      // "Search" (Teams, the try-it chat): the same form, with the associations that match.
      String query = submit.value(Field.queryName(ASSOCIATION));
      int found = associations.search(who.tenant(), query, 0, 1).total();
      Reply.Form f = form.draw(who, submit.values(), Map.of(), context, texts);
      String intro =
          query.isEmpty() ? f.intro() : texts.t("mission.association.found", found, query);
      return Reply.of(
          new Reply.Form(
              f.id(),
              f.title(),
              intro,
              f.fields(),
              f.submitLabel(),
              f.context(),
              null,
              f.submits()));
    }
    if ("new".equals(via) || NEW_ASSOCIATION.equals(submit.value(ASSOCIATION))) {
      // "New association": this form is set aside, the association form opens, and saving it
      // brings this form back with the association chosen.
      Map<String, List<String>> values = new HashMap<>(submit.values());
      values.remove(ASSOCIATION);
      String token = parked.park(who, FORM, values, context);
      return associationForm.fromMissionForm(
          who, token, submit.value(Field.queryName(ASSOCIATION)), texts);
    }
    submit = new Inbound.Submit(who, submit.formId(), submit.values(), context);
    OptionalLong editing = Ids.parse(submit.context().get("missionId"));
    Optional<Mission> edited =
        editing.isPresent() ? missions.find(who.tenant(), editing.getAsLong()) : Optional.empty();
    if (editing.isPresent() && edited.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Optional<Refusal> no = mayNot(who, edited);
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    Map<String, String> errors = new HashMap<>();
    String country = tenants.find(who.tenant()).map(t -> t.country()).orElse("LU");
    OptionalLong association = Ids.parse(submit.value("association"));
    MissionMode mode =
        parseEnum(MissionMode.class, submit.value("mode")).orElse(MissionMode.ONSITE);
    Place place = null;
    if (!submit.value("place").isEmpty()) {
      place = geocoder.locate(submit.value("place"), country).orElse(null);
      if (place == null) {
        errors.put("place", texts.t("profile.error.place.unknown", submit.value("place")));
      }
    }
    OptionalInt capacity = integer(submit.value("capacity"));
    if (capacity.isEmpty()) {
      errors.put("capacity", texts.t("mission.error.capacity"));
    }
    OptionalInt minutes = HoursParser.minutes(submit.value("hoursPerSession"));
    if (minutes.isEmpty()) {
      errors.put("hoursPerSession", texts.t("mission.error.hoursPerSession"));
    }
    List<Session> sessions = new ArrayList<>();
    Schedule schedule = Schedule.FLEXIBLE;
    if (!submit.value("firstDate").isEmpty()) {
      Optional<LocalDate> first =
          DateParser.parse(submit.value("firstDate"), LocalDate.now(who.zone()));
      LocalTime start = LocalTime.of(18, 0);
      try {
        if (!submit.value("startTime").isEmpty()) {
          start = LocalTime.parse(submit.value("startTime").replace('h', ':').replace(".", ":"));
        }
      } catch (DateTimeParseException e) {
        errors.put("startTime", texts.t("mission.error.startTime"));
      }
      int count = integer(submit.value("sessions")).orElse(1);
      if (first.isEmpty()) {
        errors.put("firstDate", texts.t("hours.error.date"));
      } else if (count < 1 || count > 52) {
        errors.put("sessions", texts.t("mission.error.sessions"));
      } else if (minutes.isPresent() && minutes.getAsInt() > 0 && minutes.getAsInt() <= 24 * 60) {
        for (int i = 0; i < count; i++) {
          var begins = first.get().plusWeeks(i).atTime(start).atZone(zone(who)).toInstant();
          sessions.add(new Session(begins, begins.plusSeconds(minutes.getAsInt() * 60L)));
        }
        schedule = count == 1 ? Schedule.ONE_DATE : Schedule.SERIES;
      }
    }
    if (!errors.isEmpty()) {
      return Reply.of(form.draw(who, submit.values(), errors, submit.context(), texts));
    }
    MissionDraft draft =
        new MissionDraft(
            association.orElse(-1),
            submit.value("title"),
            submit.value("description"),
            submit.values("skills").stream().filter(skills::isKnown).toList(),
            submit.values("causes").stream().map(Cause::parse).flatMap(Optional::stream).toList(),
            submit.values("languages"),
            mode,
            place,
            schedule,
            sessions,
            Availability.NONE,
            BigDecimal.valueOf(minutes.getAsInt())
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP),
            capacity.getAsInt(),
            parseEnum(TeamSize.class, submit.value("teamSize")).orElse(TeamSize.SINGLE),
            submit.value("link"));
    Outcome<Mission> o =
        editing.isPresent()
            ? missions.edit(who.tenant(), who.employeeId(), editing.getAsLong(), draft)
            : missions.create(who.tenant(), who.employeeId(), draft, true);
    if (!o.isDone()) {
      Refusal r = o.refusal();
      if (r.field() != null) {
        String message =
            r.code() == ReasonCode.INVALID_INPUT
                ? texts.t("mission.error." + r.field())
                : r.message(texts.locale());
        return Reply.of(
            form.draw(who, submit.values(), Map.of(r.field(), message), submit.context(), texts));
      }
      return Refusals.reply(r, texts);
    }
    Mission m = o.value();
    return Reply.of(
        new Reply.Card(
            texts.t(editing.isPresent() ? "mission.saved" : "mission.created", m.title()),
            null,
            List.of(new Reply.Fact(texts.t("mission.number"), Long.toString(m.id()))),
            texts.t("mission.created.next"),
            List.of(
                Button.of(
                    texts.t("button.roster"),
                    "roster.show",
                    Map.of("mission", Long.toString(m.id()))),
                Button.of(
                    texts.t("button.details"),
                    "mission.details",
                    Map.of("missionId", Long.toString(m.id()))),
                Button.of(
                    texts.t("button.edit"),
                    "mission.edit",
                    Map.of("missionId", Long.toString(m.id())))),
            null));
  }

  private ZoneId zone(Who who) {
    return tenants.find(who.tenant()).map(t -> ZoneId.of(t.timeZone())).orElse(who.zone());
  }

  private static OptionalInt integer(String s) {
    try {
      return OptionalInt.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
