package org.tandem.bot.conversation.waitlist;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.missions.Missions;

/**
 * Accept or Pass on a seat offered from the waiting list, from its message or from "my
 * commitments". Core decides whether the offer is the person's and still running; passing asks
 * first, since the seat then goes to the next person at once.
 */
@Component
public class OfferIntent implements Handler {

  static final String ACCEPT = "offer.accept";
  static final String PASS = "offer.pass";
  static final String PASS_CONFIRM = "offer.pass.confirm";

  private final Commitments commitments;
  private final Missions missions;
  private final Clock clock;

  OfferIntent(Commitments commitments, Missions missions, Clock clock) {
    this.commitments = commitments;
    this.missions = missions;
    this.clock = clock;
  }

  /** The buttons under a seat offered: Accept, Pass, and the mission's details. */
  public static List<Button> buttons(long commitmentId, long missionId, Texts texts) {
    Map<String, String> data = Map.of("commitmentId", Long.toString(commitmentId));
    return List.of(
        Button.primary(texts.t("button.accept"), ACCEPT, data),
        new Button(texts.t("button.pass"), PASS, data, Button.Style.DANGER),
        Button.of(
            texts.t("button.details"),
            "mission.details",
            Map.of("missionId", Long.toString(missionId))));
  }

  @Override
  public Set<String> actions() {
    return Set.of(ACCEPT, PASS, PASS_CONFIRM);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong id = Ids.parse(action.get("commitmentId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Who who = action.who();
    return switch (action.id()) {
      case ACCEPT -> accept(who, id.getAsLong(), texts);
      case PASS -> askToPass(who, id.getAsLong(), texts);
      default -> pass(who, id.getAsLong(), texts);
    };
  }

  private Reply accept(Who who, long id, Texts texts) {
    Outcome<Commitment> o = commitments.accept(who.tenant(), who.employeeId(), id, clock.instant());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    Commitment c = o.value();
    // The same words as a commit that takes a seat: confirmed, or waiting for the manager.
    String key =
        c.status() == CommitmentStatus.PENDING_APPROVAL ? "commit.pending" : "commit.confirmed";
    return Reply.of(
        new Reply.Card(
            texts.t(key, title(who, c)),
            null,
            List.of(),
            texts.t(key + ".next"),
            List.of(Button.of(texts.t("button.mine"), "commitments.mine", Map.of())),
            null));
  }

  /** Asks before letting the seat go, when core says it is still theirs to let go. */
  private Reply askToPass(Who who, long id, Texts texts) {
    Outcome<Commitment> may =
        commitments.mayPass(who.tenant(), who.employeeId(), id, clock.instant());
    if (!may.isDone()) {
      return Refusals.reply(may.refusal(), texts);
    }
    Map<String, String> data = Map.of("commitmentId", Long.toString(id));
    return Reply.of(
        new Reply.Card(
            texts.t("offer.pass.confirm", title(who, may.value())),
            null,
            List.of(),
            texts.t("offer.pass.confirm.text"),
            List.of(
                new Button(texts.t("button.pass.confirm"), PASS_CONFIRM, data, Button.Style.DANGER),
                Button.of(texts.t("button.pass.keep"), "commitments.mine", Map.of())),
            null));
  }

  private Reply pass(Who who, long id, Texts texts) {
    Outcome<Commitment> o = commitments.pass(who.tenant(), who.employeeId(), id, clock.instant());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("offer.passed"));
  }

  private String title(Who who, Commitment c) {
    return missions.find(who.tenant(), c.missionId()).map(m -> m.title()).orElse("");
  }
}
