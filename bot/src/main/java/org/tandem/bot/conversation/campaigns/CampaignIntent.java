package org.tandem.bot.conversation.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.ChannelPoster;
import org.tandem.bot.conversation.DateParser;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.campaigns.Audience;
import org.tandem.core.campaigns.Campaign;
import org.tandem.core.campaigns.CampaignDraft;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.campaigns.Channels;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.text.SearchText;

/**
 * {@code campaign} ({@code campagne}, {@code kampagne}): a CSR manager's form to launch one, or
 * with a name ("campaign Giving week") its figures; {@code campaigns} ({@code campagnes}, {@code
 * kampagnen}) lists them. Change and Cancel while it waits for its day. Who may, and what a valid
 * campaign is, core decides; anyone else is told it is for CSR managers.
 */
@Component
class CampaignIntent implements Handler {

  static final Set<String> ONE = Set.of("campaign", "campagne", "kampagne");
  static final Set<String> ALL = Set.of("campaigns", "campagnes", "kampagnen");
  static final int LISTED = 10;

  private final Campaigns campaigns;
  private final CampaignCards cards;

  /** Looked up when used: the channels' posters answer through the engine this intent is in. */
  private final ObjectProvider<ChannelPoster> posters;

  private final Clock clock;

  CampaignIntent(
      Campaigns campaigns,
      CampaignCards cards,
      ObjectProvider<ChannelPoster> posters,
      Clock clock) {
    this.campaigns = campaigns;
    this.cards = cards;
    this.posters = posters;
    this.clock = clock;
  }

  @Override
  public Set<String> commands() {
    Set<String> all = new java.util.HashSet<>(ONE);
    all.addAll(ALL);
    return all;
  }

  @Override
  public Set<String> actions() {
    return Set.of(
        "campaign.new", "campaign.edit", "campaign.show", "campaign.cancel", "campaigns.list");
  }

  @Override
  public Set<String> formActions() {
    return Set.of("campaign.new", "campaign.edit");
  }

  @Override
  public Set<String> forms() {
    return Set.of(CampaignForm.ID);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    Optional<Refusal> no = campaigns.refusal(who.tenant(), who.employeeId());
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    if (ALL.contains(SearchText.fold(command.name()))) {
      return list(who, texts);
    }
    String name = name(command.args());
    if (name.isEmpty()) {
      return Reply.of(CampaignForm.form(who.tenant(), campaigns, Map.of(), Map.of(), null, texts));
    }
    if (ALL.contains(SearchText.fold(name))) {
      return list(who, texts);
    }
    Outcome<Campaign> found = campaigns.named(who.tenant(), who.employeeId(), name);
    return found.isDone()
        ? show(who, found.value(), texts)
        : Refusals.reply(found.refusal(), texts);
  }

  /** "campaign Giving week" typed as text: the words after the command's own word. */
  private static String name(String args) {
    String a = args == null ? "" : args.strip();
    String[] words = a.split("\\s+", 2);
    if (ONE.contains(SearchText.fold(words[0])) || ALL.contains(SearchText.fold(words[0]))) {
      return words.length > 1 ? words[1].strip() : "";
    }
    return a;
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    Optional<Refusal> no = campaigns.refusal(who.tenant(), who.employeeId());
    if (no.isPresent()) {
      return Refusals.reply(no.get(), texts);
    }
    if (action.id().equals("campaign.new")) {
      return Reply.of(CampaignForm.form(who.tenant(), campaigns, Map.of(), Map.of(), null, texts));
    }
    if (action.id().equals("campaigns.list")) {
      return list(who, texts);
    }
    OptionalLong id = Ids.parse(action.get(CampaignCards.CAMPAIGN));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    Outcome<Campaign> c =
        switch (action.id()) {
          case "campaign.cancel" ->
              campaigns.cancel(who.tenant(), who.employeeId(), id.getAsLong());
          default -> campaigns.get(who.tenant(), who.employeeId(), id.getAsLong());
        };
    if (!c.isDone()) {
      return Refusals.reply(c.refusal(), texts);
    }
    return switch (action.id()) {
      case "campaign.edit" ->
          c.value().status() == Campaign.Status.SCHEDULED
              ? Reply.of(
                  CampaignForm.form(
                      who.tenant(),
                      campaigns,
                      CampaignForm.values(c.value()),
                      Map.of(),
                      c.value().id(),
                      texts))
              : Refusals.reply(
                  new Refusal(ReasonCode.CAMPAIGN_ALREADY_SENT, new Object[] {c.value().name()}),
                  texts);
      case "campaign.cancel" ->
          Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("campaign.cancelled", c.value().name()))
              .then(show(who, c.value(), texts));
      default -> show(who, c.value(), texts);
    };
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    Who who = submit.who();
    Long editing =
        Ids.parse(submit.context().get(CampaignCards.CAMPAIGN)).stream()
            .boxed()
            .findFirst()
            .orElse(null);
    Map<String, List<String>> values = new HashMap<>(submit.values());
    String[] audience = submit.value("audience").split(":", 2);
    Audience kind;
    try {
      kind = Audience.valueOf(audience[0]);
    } catch (IllegalArgumentException e) {
      kind = null;
    }
    String value =
        kind == Audience.CHANNEL
            ? Channels.id(submit.value("channel"))
            : audience.length > 1 ? audience[1] : null;
    LocalDate day = null;
    if (!submit.value("date").isEmpty()) {
      Optional<LocalDate> parsed =
          DateParser.parse(submit.value("date"), LocalDate.now(clock.withZone(who.zone())));
      if (parsed.isEmpty()) {
        return again(who, values, "date", texts.t("campaign.error.date"), editing, texts);
      }
      day = parsed.get();
    }
    List<Long> missions = new ArrayList<>();
    for (String m : submit.values("missions")) {
      Ids.parse(m).ifPresent(missions::add);
    }
    CampaignDraft draft =
        new CampaignDraft(
            submit.value("name"), submit.value("message"), missions, kind, value, day);
    if (kind == Audience.CHANNEL
        && Channels.valid(value)
        && posters.orderedStream().noneMatch(p -> p.reaches(who.tenant(), value))) {
      return again(who, values, "channel", texts.t("campaign.channel.unreachable"), editing, texts);
    }
    Outcome<Campaign> o =
        editing == null
            ? campaigns.launch(who.tenant(), who.employeeId(), draft, clock.instant())
            : campaigns.edit(who.tenant(), who.employeeId(), editing, draft, clock.instant());
    if (!o.isDone()) {
      Refusal r = o.refusal();
      if (r.field() == null) {
        return Refusals.reply(r, texts);
      }
      String field =
          r.field().equals("target")
              ? (kind == Audience.CHANNEL ? "channel" : "audience")
              : r.field();
      return again(who, values, field, r.message(texts.locale()), editing, texts);
    }
    Campaign c = o.value();
    int people = campaigns.recipients(who.tenant(), c.id());
    String done =
        editing != null && c.sendOn() != null
            ? texts.t("campaign.changed", c.name(), texts.longDate(c.sendOn()))
            : c.audience() == Audience.CHANNEL && c.sendOn() == null
                ? texts.t("campaign.launched.channel", c.name())
                : c.sendOn() != null
                    ? texts.t("campaign.scheduled", c.name(), texts.longDate(c.sendOn()))
                    : texts.t("campaign.launched", c.name(), people);
    return Reply.notice(Reply.Notice.Level.SUCCESS, done).then(show(who, c, texts));
  }

  private Reply again(
      Who who,
      Map<String, List<String>> values,
      String field,
      String error,
      Long editing,
      Texts texts) {
    return Reply.of(
        CampaignForm.form(who.tenant(), campaigns, values, Map.of(field, error), editing, texts));
  }

  private Reply show(Who who, Campaign c, Texts texts) {
    var figures = campaigns.figures(who.tenant(), who.employeeId(), c.id());
    if (!figures.isDone()) {
      return Refusals.reply(figures.refusal(), texts);
    }
    return Reply.of(
        cards.figures(
            c, figures.value(), who.zone(), YearMonth.now(clock.withZone(who.zone())), texts));
  }

  private Reply list(Who who, Texts texts) {
    Outcome<List<Campaign>> all = campaigns.list(who.tenant(), who.employeeId(), LISTED);
    if (!all.isDone()) {
      return Refusals.reply(all.refusal(), texts);
    }
    List<Reply.Part> parts = new ArrayList<>();
    parts.add(
        new Reply.Card(
            texts.t("campaigns.latest", all.value().size()),
            null,
            List.of(),
            all.value().isEmpty() ? texts.t("campaigns.none.hint") : null,
            List.of(Button.primary(texts.t("button.campaign.new"), "campaign.new", Map.of())),
            null));
    for (Campaign c : all.value()) {
      parts.add(cards.summary(c, who.zone(), texts));
    }
    return new Reply(parts);
  }
}
