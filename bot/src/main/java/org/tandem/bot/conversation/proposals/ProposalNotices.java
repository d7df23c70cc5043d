package org.tandem.bot.conversation.proposals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;
import org.tandem.core.proposals.HoursProposal;
import org.tandem.core.proposals.ProposalState;
import org.tandem.core.proposals.Proposals;
import org.tandem.core.tenants.ProposalDefault;
import org.tandem.core.tenants.Tenants;

/**
 * HOURS_PROPOSED (the session's day and hours, Confirm / Correct / I did not go, and what stands on
 * which day without an answer) and HOURS_STOOD (what stood, with a button to correct it). Written
 * when sent: a proposal answered meanwhile (its message waited for the morning) is not sent.
 */
@Component
class ProposalNotices implements Notice {

  private final Proposals proposals;
  private final Missions missions;
  private final Hours hours;
  private final Tenants tenants;

  ProposalNotices(Proposals proposals, Missions missions, Hours hours, Tenants tenants) {
    this.proposals = proposals;
    this.missions = missions;
    this.hours = hours;
    this.tenants = tenants;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.HOURS_PROPOSED, Notification.HOURS_STOOD);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    var id = Ids.parse(n.payload());
    Optional<HoursProposal> found =
        id.isEmpty() ? Optional.empty() : proposals.find(n.tenant(), id.getAsLong());
    boolean proposed = Notification.HOURS_PROPOSED.equals(n.kind());
    ProposalState expected = proposed ? ProposalState.PROPOSED : ProposalState.STOOD;
    if (found.isEmpty() || found.get().state() != expected) {
      return Optional.empty();
    }
    HoursProposal p = found.get();
    String title = missions.find(n.tenant(), p.missionId()).map(m -> m.title()).orElse("");
    return Optional.of(proposed ? proposed(p, to, title, texts) : stood(p, n, title, texts));
  }

  private Reply proposed(HoursProposal p, Employee to, String title, Texts texts) {
    boolean logs =
        tenants.policyFor(to.tenantId(), to.country()).proposalDefault() == ProposalDefault.HOURS;
    LocalDate until = p.standsAt().atZone(to.timeZone()).toLocalDate();
    String text =
        texts.t("proposal.text", texts.longDate(p.date()), texts.hours(p.minutes()))
            + "\n"
            + texts.t(
                logs ? "proposal.stands.hours" : "proposal.stands.nothing", texts.longDate(until));
    return card(
        texts.t("proposal.title", title),
        p,
        text,
        List.of(
            Button.primary(
                texts.t("proposal.confirm", texts.hours(p.minutes())),
                ProposalIntent.CONFIRM,
                data(p)),
            Button.of(texts.t("proposal.correct"), ProposalIntent.CORRECT, data(p)),
            Button.of(texts.t("proposal.absent"), ProposalIntent.ABSENT, data(p))),
        texts);
  }

  private Reply stood(HoursProposal p, Notification n, String title, Texts texts) {
    String day = texts.longDate(p.date());
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.primary(texts.t("proposal.correct"), ProposalIntent.CORRECT, data(p)));
    if (p.outcomeNote() != null) {
      return card(
          texts.t("proposal.stood.refused.title", title),
          p,
          texts.t("proposal.stood.refused.text", day) + "\n" + p.outcomeNote(),
          buttons,
          texts);
    }
    buttons.add(Button.of(texts.t("proposal.absent"), ProposalIntent.ABSENT, data(p)));
    Optional<HourEntry> entry =
        p.hourEntryId() == null ? Optional.empty() : hours.find(n.tenant(), p.hourEntryId());
    if (entry.isEmpty()) {
      return card(
          texts.t("proposal.stood.nothing.title", title),
          p,
          texts.t("proposal.stood.nothing.text", day),
          buttons,
          texts);
    }
    String text = texts.t("proposal.stood.text", day);
    if (entry.get().status() == HourStatus.PENDING) {
      text += "\n" + texts.t("proposal.stood.pending");
    }
    return card(
        texts.t("proposal.stood.title", texts.hours(entry.get().minutes()), title),
        p,
        text,
        buttons,
        texts);
  }

  private static Reply card(
      String title, HoursProposal p, String text, List<Button> buttons, Texts texts) {
    return Reply.of(
        new Reply.Card(
            title,
            null,
            List.of(
                new Fact(texts.t("proposal.date"), texts.longDate(p.date())),
                new Fact(
                    texts.t("proposal.hours"), texts.t("year.hours", texts.hours(p.minutes())))),
            text,
            buttons,
            null));
  }

  static Map<String, String> data(HoursProposal p) {
    return Map.of(ProposalIntent.ID, Long.toString(p.id()));
  }
}
