package org.tandem.bot.conversation.reports;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.reports.Roster;
import org.tandem.core.reports.Rosters;

/**
 * "roster 12": who signed up for a mission, for its logistics, for the mission's organiser and CSR
 * managers only. The one place where a report names people.
 */
@Component
class RosterIntent implements Handler {

  static final String SHOW = "roster.show";

  private final Rosters rosters;

  RosterIntent(Rosters rosters) {
    this.rosters = rosters;
  }

  @Override
  public Set<String> commands() {
    return Set.of("roster", "participants", "inscrits", "teilnehmer", "teilnehmerliste");
  }

  @Override
  public Set<String> actions() {
    return Set.of(SHOW);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    String args =
        command
            .args()
            .strip()
            .replaceFirst(
                "(?iu)^(roster|participants|inscrits|teilnehmerliste|teilnehmer)(\\s+(of|for|de|du|la|von|für))*\\s*",
                "")
            .replaceFirst("(?iu)^(mission|einsatz)\\s+", "");
    if (args.isBlank()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("roster.which"));
    }
    List<Rosters.MissionRef> found = rosters.find(command.who().tenant(), args);
    if (found.isEmpty()) {
      return Reply.notice(Reply.Notice.Level.WARNING, texts.t("roster.which"));
    }
    if (found.size() > 1) {
      return Reply.notice(
          Reply.Notice.Level.INFO,
          texts.t(
              "roster.ambiguous",
              args,
              found.stream()
                  .map(m -> "#" + m.id() + " " + m.title())
                  .collect(Collectors.joining(", "))));
    }
    return roster(command.who(), found.get(0).id(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    try {
      return roster(action.who(), Long.parseLong(action.get("mission")), texts);
    } catch (NumberFormatException e) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("roster.which"));
    }
  }

  private Reply roster(Who who, long missionId, Texts texts) {
    Outcome<Roster> o = rosters.roster(who.tenant(), who.employeeId(), missionId, who.channel());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    Roster r = o.value();
    StringBuilder text = new StringBuilder();
    long taken =
        r.entries().stream()
            .filter(e -> e.status().equals("CONFIRMED") || e.status().equals("COMPLETED"))
            .count();
    for (Roster.Entry e : r.entries()) {
      String status = texts.t("roster.status." + e.status().toLowerCase(Locale.ROOT));
      String approved = texts.hours((int) e.approvedMinutes());
      String pending = texts.hours((int) e.pendingMinutes());
      text.append("• ")
          .append(
              e.email() == null
                  ? texts.t("roster.line", e.name(), status, approved, pending)
                  : texts.t("roster.line.email", e.name(), e.email(), status, approved, pending))
          .append(e.noShows() > 0 ? texts.t("roster.noshows", e.noShows()) : "")
          .append('\n');
    }
    if (r.entries().isEmpty()) {
      text.append(texts.t("roster.none"));
    }
    return Reply.of(
        new Reply.Card(
            texts.t("roster.title", r.title()),
            texts.t("roster.subtitle", r.association(), taken, r.capacity()),
            List.of(),
            text.toString().strip(),
            List.of(),
            null));
  }
}
