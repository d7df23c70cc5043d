package org.tandem.bot.conversation.missions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.profile.ProfileForm;
import org.tandem.core.matching.Matching;
import org.tandem.core.matching.Proposal;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.places.Geocoder;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.tenants.Tenants;

/**
 * "Find missions": the best missions for the person, with filters read from what they typed, five
 * at a time with "show 5 more". A newcomer is asked for their profile first.
 */
@Component
class FindMissionsIntent implements Handler {

  static final int PAGE = 5;

  /** Nobody pages through more than this; it also bounds the matcher's work. */
  static final int MAX_OFFSET = 50;

  private final Matching matching;
  private final People people;
  private final MissionCards cards;
  private final ProfileForm profileForm;
  private final Geocoder geocoder;
  private final SkillTaxonomy skills;
  private final Tenants tenants;

  FindMissionsIntent(
      Matching matching,
      People people,
      MissionCards cards,
      ProfileForm profileForm,
      Geocoder geocoder,
      SkillTaxonomy skills,
      Tenants tenants) {
    this.matching = matching;
    this.people = people;
    this.cards = cards;
    this.profileForm = profileForm;
    this.geocoder = geocoder;
    this.skills = skills;
    this.tenants = tenants;
  }

  @Override
  public Set<String> commands() {
    return Set.of("missions", "mission", "find", "trouver", "suchen", "einsätze", "einsatz");
  }

  @Override
  public Set<String> actions() {
    return Set.of("missions.find", "missions.more");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return find(command.who(), command.args(), 0, texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    int offset = 0;
    try {
      offset = Integer.parseInt(action.data().getOrDefault("offset", "0"));
    } catch (NumberFormatException e) {
      offset = 0;
    }
    return find(
        action.who(),
        action.data().getOrDefault("q", ""),
        Math.max(0, Math.min(MAX_OFFSET, offset)),
        texts);
  }

  private Reply find(Who who, String text, int offset, Texts texts) {
    Employee me = people.find(who.tenant(), who.employeeId()).orElseThrow();
    if (!me.onboarded()) {
      return Reply.of(
          profileForm.form(
              me.profile(), texts.t("profile.intro.welcome", me.displayName()), texts));
    }
    String country = tenants.find(who.tenant()).map(t -> t.country()).orElse("LU");
    MissionRequest request =
        MissionRequest.read(text, LocalDate.now(who.zone()), geocoder, skills, country);
    if (request.unknownPlace() != null) {
      return Reply.notice(
          Reply.Notice.Level.WARNING, texts.t("missions.unknown-place", request.unknownPlace()));
    }
    if (request.query().near() == null
        && me.profile().place() == null
        && !request.query().remoteOnly()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("missions.no-place"));
    }
    List<Proposal> proposals =
        matching.propose(who.tenant(), who.employeeId(), request.query(), PAGE + 1, offset);
    if (proposals.isEmpty()) {
      return Reply.of(
          new Reply.Card(
              texts.t(offset == 0 ? "missions.none" : "missions.no-more"),
              null,
              List.of(),
              texts.t("missions.none.hint"),
              List.of(
                  Button.of(texts.t("button.profile"), "profile.edit", Map.of()),
                  Button.of(texts.t("button.remote"), "missions.find", Map.of("q", "remote"))),
              null));
    }
    Reply reply =
        offset == 0
            ? Reply.notice(Reply.Notice.Level.INFO, texts.t("missions.intro"))
            : new Reply(List.of());
    for (Proposal p : proposals.subList(0, Math.min(PAGE, proposals.size()))) {
      reply = reply.then(cards.proposal(p, texts));
    }
    if (proposals.size() > PAGE && offset + PAGE < MAX_OFFSET) {
      reply =
          reply.then(
              new Reply.More(
                  texts.t("missions.more", PAGE),
                  "missions.more",
                  Map.of("q", request.text(), "offset", Integer.toString(offset + PAGE))));
    }
    return reply;
  }
}
