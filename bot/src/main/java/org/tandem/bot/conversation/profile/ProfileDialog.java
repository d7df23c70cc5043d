package org.tandem.bot.conversation.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.digest.DigestOffer;
import org.tandem.core.causes.Cause;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Profile;
import org.tandem.core.places.Geocoder;
import org.tandem.core.places.Place;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.tenants.Tenants;

/**
 * Onboarding and profile editing: opens the profile form (with skills named in the command already
 * ticked: "profile excel, compta"), checks the submission field by field, saves it.
 */
@Component
class ProfileDialog implements Handler {

  private final People people;
  private final ProfileForm form;
  private final Geocoder geocoder;
  private final SkillTaxonomy skills;
  private final Tenants tenants;

  ProfileDialog(
      People people, ProfileForm form, Geocoder geocoder, SkillTaxonomy skills, Tenants tenants) {
    this.people = people;
    this.form = form;
    this.geocoder = geocoder;
    this.skills = skills;
    this.tenants = tenants;
  }

  @Override
  public Set<String> commands() {
    return Set.of("profile", "profil", "onboarding");
  }

  @Override
  public Set<String> actions() {
    return Set.of("profile.edit");
  }

  @Override
  public Set<String> formActions() {
    return actions();
  }

  @Override
  public Set<String> forms() {
    return Set.of(ProfileForm.ID);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Employee me = people.find(command.who().tenant(), command.who().employeeId()).orElseThrow();
    Profile p = me.profile();
    Set<String> named = skills.find(command.args());
    if (!named.isEmpty()) {
      Set<String> all = new LinkedHashSet<>(p.skills());
      all.addAll(named);
      p =
          new Profile(
              List.copyOf(all),
              p.place(),
              p.travelKm(),
              p.remoteOk(),
              p.causes(),
              p.languages(),
              p.availability());
    }
    String intro =
        (me.onboarded()
                ? texts.t("profile.intro.edit")
                : texts.t("profile.intro.welcome", me.displayName()))
            + "\n"
            + workplace(me, texts);
    return Reply.of(form.form(p, intro, texts));
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    return command(new Inbound.Command(action.who(), "profile", ""), texts);
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    var who = submit.who();
    Employee me = people.find(who.tenant(), who.employeeId()).orElseThrow();
    String country = tenants.find(who.tenant()).map(t -> t.country()).orElse("LU");
    Map<String, String> errors = new java.util.HashMap<>();

    List<String> skillCodes =
        submit.values("skills").stream().filter(skills::isKnown).distinct().toList();
    Place place = null;
    String placeText = submit.value("place");
    if (placeText.isEmpty()) {
      errors.put("place", texts.t("profile.error.place.required"));
    } else {
      Optional<Place> found = geocoder.locate(placeText, country);
      if (found.isEmpty()) {
        errors.put("place", texts.t("profile.error.place.unknown", placeText));
      } else {
        place = found.get();
      }
    }
    int travel = 15;
    OptionalInt km = parseInt(submit.value("travelKm"));
    if (km.isEmpty() || km.getAsInt() < 0 || km.getAsInt() > 500) {
      errors.put("travelKm", texts.t("profile.error.travel"));
    } else {
      travel = km.getAsInt();
    }
    boolean remote = !"no".equals(submit.value("remote"));
    List<String> causes =
        submit.values("causes").stream()
            .filter(c -> Cause.parse(c).isPresent())
            .map(c -> Cause.parse(c).get().name())
            .distinct()
            .toList();
    List<String> languages =
        submit.values("languages").stream()
            .filter(ProfileForm.LANGUAGES::contains)
            .distinct()
            .toList();
    var availability = ProfileForm.availability(submit.values("availability"));

    if (!errors.isEmpty()) {
      // Send the form back as submitted, with the message on each wrong field: nothing is lost.
      Profile asTyped =
          new Profile(skillCodes, null, travel, remote, causes, languages, availability);
      List<Field> fields = new ArrayList<>();
      for (Field f : form.fields(asTyped, texts)) {
        Field kept =
            f.name().equals("place")
                ? f.withValues(List.of(placeText))
                : f.name().equals("travelKm") ? f.withValues(List.of(submit.value("travelKm"))) : f;
        fields.add(errors.containsKey(f.name()) ? kept.withError(errors.get(f.name())) : kept);
      }
      return Reply.of(
          new Reply.Form(
              ProfileForm.ID,
              texts.t("profile.title"),
              texts.t("form.fix"),
              fields,
              texts.t("profile.save"),
              Map.of()));
    }
    boolean first = !me.onboarded();
    people
        .updateProfile(
            who.tenant(),
            who.employeeId(),
            new Profile(skillCodes, place, travel, remote, causes, languages, availability))
        .value();
    Reply saved =
        Reply.of(
            new Reply.Card(
                texts.t(first ? "profile.saved.first" : "profile.saved"),
                null,
                List.of(
                    new Reply.Fact(
                        texts.t("profile.skills"),
                        skillCodes.isEmpty()
                            ? "—"
                            : String.join(
                                ", ",
                                skillCodes.stream()
                                    .map(c -> skills.label(c, texts.locale()))
                                    .toList())),
                    new Reply.Fact(
                        texts.t("profile.place"),
                        place.label() + " · " + texts.t("profile.km", travel)),
                    new Reply.Fact(texts.t("profile.remote"), texts.t(remote ? "yes" : "no"))),
                null,
                List.of(
                    Button.primary(texts.t("button.find"), "missions.find", Map.of()),
                    Button.of(texts.t("button.profile"), "profile.edit", Map.of()),
                    Button.of(texts.t("button.notifications"), "notifications.show", Map.of())),
                null));
    // Onboarding ends with the weekly digest's offer: off until the person says yes.
    return first ? saved.then(DigestOffer.card(texts)) : saved;
  }

  /** Where the company directory says the person works, and who their line manager is. */
  private String workplace(Employee me, Texts texts) {
    String place =
        java.util.stream.Stream.of(me.site(), me.department(), me.country())
            .filter(v -> v != null && !v.isBlank())
            .collect(java.util.stream.Collectors.joining(" · "));
    String manager =
        me.managerId() == null
            ? null
            : people.find(me.tenantId(), me.managerId()).map(Employee::displayName).orElse(null);
    String unset = texts.t("profile.workplace.unset");
    return texts.t(
        "profile.workplace", place.isEmpty() ? unset : place, manager == null ? unset : manager);
  }

  private static OptionalInt parseInt(String s) {
    try {
      return OptionalInt.of(Integer.parseInt(s.replace("km", "").strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
