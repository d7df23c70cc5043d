package org.tandem.bot.conversation.commitments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.tandem.bot.conversation.waitlist.OfferIntent;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.CommitmentView;
import org.tandem.core.commitments.Commitments;

/** The person's live and completed commitments, with Log hours and Cancel buttons. */
@Component
class MyCommitmentsIntent implements Handler {

  /** Cards shown at once; a person rarely has more live commitments than this. */
  static final int MAX = 20;

  private final Commitments commitments;

  MyCommitmentsIntent(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public Set<String> commands() {
    return Set.of("mine", "commitments", "engagements", "anmeldungen");
  }

  @Override
  public Set<String> actions() {
    return Set.of("commitments.mine");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return mine(command.who(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    return mine(action.who(), texts);
  }

  Reply mine(Who who, Texts texts) {
    List<CommitmentView> mine = commitments.mine(who.tenant(), who.employeeId());
    if (mine.isEmpty()) {
      return Reply.of(
          new Reply.Card(
              texts.t("mine.none"),
              null,
              List.of(),
              texts.t("mine.none.hint"),
              List.of(Button.primary(texts.t("button.find"), "missions.find", Map.of())),
              null));
    }
    Reply reply = Reply.notice(Reply.Notice.Level.INFO, texts.t("mine.intro", mine.size()));
    for (CommitmentView c : mine.subList(0, Math.min(MAX, mine.size()))) {
      List<Fact> facts = new ArrayList<>();
      String status =
          c.status() == CommitmentStatus.OFFERED
              ? texts.t("status.offered", texts.dateTime(c.offerExpiresAt(), who.zone()))
              : texts.t(
                  "status." + c.status().name().toLowerCase(Locale.ROOT), c.waitlistPosition());
      facts.add(new Fact(texts.t("mine.status"), status));
      if (c.nextSession() != null) {
        facts.add(new Fact(texts.t("mine.next"), texts.dateTime(c.nextSession(), who.zone())));
      }
      if (c.status() == CommitmentStatus.OFFERED) {
        // A seat offered is answered here too, as in its message.
        reply =
            reply.then(
                new Reply.Card(
                    c.missionTitle(),
                    c.associationName(),
                    facts,
                    null,
                    OfferIntent.buttons(c.id(), c.missionId(), texts),
                    null));
        continue;
      }
      List<Button> buttons = new ArrayList<>();
      Map<String, String> data = Map.of("commitmentId", Long.toString(c.id()));
      if (c.status() == CommitmentStatus.CONFIRMED || c.status() == CommitmentStatus.COMPLETED) {
        buttons.add(Button.primary(texts.t("button.log"), "hours.open", data));
      }
      buttons.add(
          Button.of(
              texts.t("button.details"),
              "mission.details",
              Map.of("missionId", Long.toString(c.missionId()))));
      if (c.status() != CommitmentStatus.COMPLETED) {
        buttons.add(
            new Button(texts.t("button.cancel"), "commitment.cancel", data, Button.Style.DANGER));
      }
      reply =
          reply.then(
              new Reply.Card(c.missionTitle(), c.associationName(), facts, null, buttons, null));
    }
    return reply;
  }
}
