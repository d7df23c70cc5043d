package org.tandem.bot.conversation.year;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.CommitmentView;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.YearOfHours;

/**
 * The person's volunteering year at a glance, with what is coming up: someone who signed up but has
 * not logged hours yet is told their sessions are ahead, not that they have done nothing.
 */
@Component
class MyYearIntent implements Handler {

  /** Upcoming commitments named on the card; "mine" lists them all. */
  static final int UPCOMING = 3;

  private final Hours hours;
  private final Commitments commitments;

  MyYearIntent(Hours hours, Commitments commitments) {
    this.hours = hours;
    this.commitments = commitments;
  }

  @Override
  public Set<String> commands() {
    return Set.of("year", "annee", "jahr");
  }

  @Override
  public Set<String> actions() {
    return Set.of("year.show");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return year(command.who(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    return year(action.who(), texts);
  }

  private Reply year(Who who, Texts texts) {
    int year = LocalDate.now(who.zone()).getYear();
    YearOfHours y = hours.year(who.tenant(), who.employeeId(), year);
    List<Fact> facts = new ArrayList<>();
    facts.add(
        new Fact(texts.t("year.given"), texts.t("year.hours", texts.hours(y.approvedMinutes()))));
    if (y.pendingMinutes() > 0) {
      facts.add(
          new Fact(
              texts.t("year.pending"), texts.t("year.hours", texts.hours(y.pendingMinutes()))));
    }
    facts.add(
        new Fact(
            texts.t("year.allowance"),
            // A company whose policy sets no allowance yet: say so, not "0 h of 0 h".
            y.allowanceMinutes() == 0
                ? texts.t("year.allowance.none")
                : texts.t(
                    "year.allowance.value",
                    texts.hours(y.allowanceLeftMinutes()),
                    texts.hours(y.allowanceMinutes()))));
    if (!y.causes().isEmpty()) {
      facts.add(
          new Fact(
              texts.t("year.causes"),
              String.join(
                  ", ",
                  y.causes().stream().map(c -> Cause.valueOf(c).label(texts.locale())).toList())));
    }
    if (!y.associations().isEmpty()) {
      facts.add(new Fact(texts.t("year.associations"), String.join(", ", y.associations())));
    }
    List<CommitmentView> upcoming =
        commitments.mine(who.tenant(), who.employeeId()).stream()
            .filter(
                c ->
                    c.status() == CommitmentStatus.CONFIRMED
                        || c.status() == CommitmentStatus.PENDING_APPROVAL
                        || c.status() == CommitmentStatus.OFFERED
                        || c.status() == CommitmentStatus.WAITLISTED)
            .toList();
    if (!upcoming.isEmpty()) {
      DateTimeFormatter f =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
      facts.add(
          new Fact(
              texts.t("year.upcoming"),
              String.join(
                  "\n",
                  upcoming.stream()
                      .limit(UPCOMING)
                      .map(
                          c ->
                              c.nextSession() == null
                                  ? c.missionTitle()
                                  : c.missionTitle()
                                      + " · "
                                      + c.nextSession().atZone(who.zone()).format(f))
                      .toList())));
    }
    boolean nothingLogged = y.approvedMinutes() + y.pendingMinutes() == 0;
    String text =
        !nothingLogged
            ? texts.t("year.thanks")
            : upcoming.isEmpty() ? texts.t("year.empty") : texts.t("year.empty.committed");
    return Reply.of(
        new Reply.Card(
            texts.t("year.title", year),
            null,
            facts,
            text,
            List.of(
                Button.primary(texts.t("button.log"), "hours.open", Map.of()),
                Button.of(texts.t("button.find"), "missions.find", Map.of())),
            null));
  }
}
