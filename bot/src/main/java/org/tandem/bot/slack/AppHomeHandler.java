package org.tandem.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.List;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.people.Role;
import org.tandem.core.setup.Setup;

/**
 * The App Home tab, published when opened: for an admin, the setup checklist until it is done; the
 * person's year against the allowance, their commitments and upcoming sessions, and three suggested
 * missions, each with its buttons. The engine composes each part; this page only puts them
 * together. Stored in the inbox, published by its worker.
 */
class AppHomeHandler implements BoltEventHandler<AppHomeOpenedEvent> {

  static final int SUGGESTIONS = 3;

  private final SlackIntake intake;

  AppHomeHandler(SlackIntake intake) {
    this.intake = intake;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return ctx.ack();
    }
    SlackIntake.Result r =
        intake.accept(
            "event:" + payload.getEventId(),
            new SlackRequest(
                "home",
                payload.getTeamId(),
                null,
                event.getUser(),
                null,
                null,
                null,
                null,
                null,
                null));
    // Not stored: 503 makes Slack deliver the event again a little later.
    return r == SlackIntake.Result.DOWN ? Response.error(503) : ctx.ack();
  }

  static Reply home(SlackConversation conversation, Who who, Setup setup) {
    Reply profile = conversation.handle(new Inbound.Command(who, "year", ""));
    if (who.is(Role.ADMIN) && !setup.state(who.tenant()).complete()) {
      // An admin sees the setup checklist first, until every step is done or skipped.
      profile = conversation.handle(new Inbound.Command(who, "admin", "setup")).then(profile);
    }
    Reply mine = conversation.handle(new Inbound.Command(who, "mine", ""));
    if (mine.equals(profile)) {
      // One answer to everything (someone the directory deactivated is told so): say it once.
      return profile;
    }
    Reply found = conversation.handle(new Inbound.Command(who, "missions", ""));
    List<Reply.Part> suggestions =
        found.parts().stream()
            .filter(p -> p instanceof Reply.Card || p instanceof Reply.Form)
            .limit(SUGGESTIONS)
            .toList();
    Reply home = profile.then(mine);
    for (Reply.Part p : suggestions) {
      if (p instanceof Reply.Form) {
        // Not onboarded yet: the profile button opens the form as a modal.
        home =
            home.then(
                new Reply.Card(
                    ((Reply.Form) p).title(),
                    null,
                    List.of(),
                    ((Reply.Form) p).intro(),
                    // The button opens the form: it says so, not the form's own "Save".
                    List.of(
                        Reply.Button.primary(
                            Texts.of(who.locale()).t("button.profile.setup"),
                            "profile.edit",
                            java.util.Map.of())),
                    null));
      } else {
        home = home.then(p);
      }
    }
    return home;
  }
}
