package org.tandem.bot.conversation.missions;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.matching.Proposal;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Session;
import org.tandem.core.skills.SkillTaxonomy;

/** Mission cards: a proposal with its reason, and a mission's full details. */
@Component
public class MissionCards {

  private final SkillTaxonomy skills;

  MissionCards(SkillTaxonomy skills) {
    this.skills = skills;
  }

  static Map<String, String> mission(long id) {
    return Map.of("missionId", Long.toString(id));
  }

  public Reply.Card proposal(Proposal p, Texts texts) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(texts.t("mission.where"), where(p.mode(), p.missionPlace(), texts)));
    facts.add(new Fact(texts.t("mission.seats"), texts.t("mission.seats.left", p.seatsLeft())));
    return new Reply.Card(
        p.title(),
        p.associationName(),
        facts,
        capitalise(p.reason(texts.locale(), skills)),
        List.of(
            Button.primary(texts.t("button.commit"), "mission.commit", mission(p.missionId())),
            Button.of(texts.t("button.details"), "mission.details", mission(p.missionId())),
            Button.of(texts.t("button.dismiss"), "mission.dismiss", mission(p.missionId()))),
        null);
  }

  public Reply.Card details(
      Mission m,
      Association a,
      List<Session> sessions,
      ZoneId zone,
      Texts texts,
      boolean canCommit,
      boolean canSeeRoster) {
    List<Fact> facts = new ArrayList<>();
    // The number "roster 12" asks for, shown where people look for it.
    facts.add(new Fact(texts.t("mission.number"), Long.toString(m.id())));
    facts.add(
        new Fact(
            texts.t("mission.where"),
            where(m.mode(), m.place() == null ? null : m.place().name(), texts)));
    if (m.link() != null) {
      facts.add(new Fact(texts.t("calendar.link"), m.link()));
    }
    facts.add(new Fact(texts.t("mission.when"), when(m, sessions, zone, texts)));
    facts.add(
        new Fact(
            texts.t("mission.hours"),
            texts.t("mission.hours.value", hours(m.hoursPerSession(), texts))));
    if (!m.skills().isEmpty()) {
      facts.add(
          new Fact(
              texts.t("mission.skills"),
              String.join(
                  ", ", m.skills().stream().map(c -> skills.label(c, texts.locale())).toList())));
    }
    if (!m.causes().isEmpty()) {
      facts.add(
          new Fact(
              texts.t("mission.causes"),
              String.join(
                      ", ",
                      m.causes().stream().map(c -> Cause.valueOf(c).label(texts.locale())).toList())
                  + (m.sdgs().isEmpty()
                      ? ""
                      : " · "
                          + texts.t(
                              "mission.sdgs",
                              m.sdgs().stream()
                                  .map(String::valueOf)
                                  .reduce((x, y) -> x + ", " + y)
                                  .orElse("")))));
    }
    facts.add(
        new Fact(
            texts.t("mission.team"),
            texts.t("team." + m.teamSize().name().toLowerCase(java.util.Locale.ROOT))));
    facts.add(
        new Fact(
            texts.t("mission.seats"),
            m.seatsOffered() > 0
                ? texts.t(
                    "mission.seats.taken.offered", m.seatsTaken(), m.capacity(), m.seatsOffered())
                : texts.t("mission.seats.taken", m.seatsTaken(), m.capacity())));
    if (a.coordinatorName() != null) {
      facts.add(new Fact(texts.t("mission.contact"), a.coordinatorName()));
    }
    List<Button> buttons = new ArrayList<>();
    if (canCommit) {
      buttons.add(Button.primary(texts.t("button.commit"), "mission.commit", mission(m.id())));
      buttons.add(Button.of(texts.t("button.dismiss"), "mission.dismiss", mission(m.id())));
    }
    if (canSeeRoster) {
      buttons.add(
          Button.of(
              texts.t("button.roster"), "roster.show", Map.of("mission", Long.toString(m.id()))));
    }
    return new Reply.Card(
        m.title(),
        a.name(),
        facts,
        m.description().isBlank() ? a.description() : m.description(),
        buttons,
        null);
  }

  static String where(MissionMode mode, String place, Texts texts) {
    return switch (mode) {
      case REMOTE -> texts.t("mode.remote");
      case HYBRID -> texts.t("mode.hybrid", place == null ? "" : place);
      case ONSITE -> place == null ? texts.t("mode.onsite") : place;
    };
  }

  public static String when(Mission m, List<Session> sessions, ZoneId zone, Texts texts) {
    if (sessions.isEmpty()) {
      return texts.t("schedule.flexible");
    }
    String first = texts.dateTime(sessions.get(0).startsAt(), zone);
    return sessions.size() == 1 ? first : texts.t("schedule.series", sessions.size(), first);
  }

  static String hours(BigDecimal h, Texts texts) {
    return texts.hours(h.multiply(BigDecimal.valueOf(60)).intValue());
  }

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
