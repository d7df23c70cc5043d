package org.tandem.bot.conversation.missions;

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
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.approvals.ApprovalRequest;
import org.tandem.core.approvals.Approvals;
import org.tandem.core.campaigns.CampaignResponses;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Missions;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.Topic;
import org.tandem.core.people.Authority;

/**
 * Commit with one click. A public body's volunteer first declares no conflict of interest, in a
 * one-field form; the answer says whether the seat is confirmed, awaits a manager, or is a place on
 * the waiting list.
 */
@Component
class CommitIntent implements Handler {

  static final String DECLARE_FORM = "commit.declare";

  /** The campaign whose message the button was in, when it was (see the campaigns' cards). */
  static final String CAMPAIGN = "campaign";

  private final Commitments commitments;
  private final Missions missions;
  private final Approvals approvals;
  private final Authority authority;
  private final NotificationSettings settings;
  private final CampaignResponses campaigns;

  CommitIntent(
      Commitments commitments,
      Missions missions,
      Approvals approvals,
      CampaignResponses campaigns,
      Authority authority,
      NotificationSettings settings) {
    this.authority = authority;
    this.settings = settings;
    this.commitments = commitments;
    this.missions = missions;
    this.approvals = approvals;
    this.campaigns = campaigns;
  }

  @Override
  public Set<String> actions() {
    return Set.of("mission.commit");
  }

  @Override
  public Set<String> forms() {
    return Set.of(DECLARE_FORM);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong id = Ids.parse(action.get("missionId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    return commit(action.who(), id.getAsLong(), false, Ids.parse(action.get(CAMPAIGN)), texts);
  }

  @Override
  public Reply submit(Inbound.Submit submit, Texts texts) {
    OptionalLong id = Ids.parse(submit.context().get("missionId"));
    if (id.isEmpty()) {
      return Refusals.notFound(texts);
    }
    OptionalLong campaign = Ids.parse(submit.context().get(CAMPAIGN));
    if (!submit.values("declaration").contains("no-conflict")) {
      return Reply.of(
          declarationForm(id.getAsLong(), campaign, texts, texts.t("commit.declare.required")));
    }
    return commit(submit.who(), id.getAsLong(), true, campaign, texts);
  }

  /**
   * Commits; from a campaign's message ({@code campaign} given), the press counts for the campaign
   * and the commitment is attributed to it.
   */
  private Reply commit(
      Who who, long missionId, boolean declared, OptionalLong campaign, Texts texts) {
    Outcome<Commitment> outcome =
        campaign.isPresent()
            ? campaigns.commit(
                who.tenant(), who.employeeId(), missionId, declared, campaign.getAsLong())
            : commitments.commit(who.tenant(), who.employeeId(), missionId, declared);
    if (!outcome.isDone()) {
      if (outcome.refusal().code() == ReasonCode.CONFLICT_DECLARATION_REQUIRED) {
        return Reply.of(declarationForm(missionId, campaign, texts, null));
      }
      return Refusals.reply(outcome.refusal(), texts);
    }
    Commitment c = outcome.value();
    String title = missions.find(who.tenant(), missionId).map(m -> m.title()).orElse("");
    String key =
        c.repeated()
            ? "commit.repeated"
            : switch (c.status()) {
              case CONFIRMED -> "commit.confirmed";
              case PENDING_APPROVAL -> "commit.pending";
              case WAITLISTED -> "commit.waitlisted";
              default -> "commit.repeated";
            };
    return Reply.of(
        new Reply.Card(
            texts.t(key, title, c.waitlistPosition()),
            null,
            List.of(),
            texts.t(key + ".next" + next(who, c)),
            List.of(
                Button.of(texts.t("button.mine"), "commitments.mine", Map.of()),
                Button.of(
                    texts.t("button.cancel"),
                    "commitment.cancel",
                    Map.of("commitmentId", Long.toString(c.id())))),
            null));
  }

  /**
   * Which promise the reply may make: none when the person turned off the messages it would be kept
   * by, or when nobody in the company can approve (no line manager, no other CSR manager).
   */
  private String next(Who who, Commitment c) {
    if (c.repeated()) {
      return "";
    }
    var wants = settings.of(who.tenant(), who.employeeId());
    if (c.status() == CommitmentStatus.WAITLISTED
        && wants.map(w -> !w.wants(Topic.WAITLIST)).orElse(false)) {
      return ".silent";
    }
    if (c.status() != CommitmentStatus.PENDING_APPROVAL) {
      return "";
    }
    if (askedCsr(who, c) && authority.csrManagers(who.tenant(), who.employeeId()).isEmpty()) {
      return ".nobody";
    }
    if (wants.map(w -> !w.wants(Topic.DECISIONS)).orElse(false)) {
      return ".silent";
    }
    return askedCsr(who, c) ? ".csr" : "";
  }

  /** A commitment waiting for approval that was put to the CSR managers: no line manager. */
  private boolean askedCsr(Who who, Commitment c) {
    return c.status() == CommitmentStatus.PENDING_APPROVAL
        && !c.repeated()
        && approvals
            .find(who.tenant(), ApprovalRequest.Subject.COMMITMENT, c.id())
            .map(r -> r.approverId() == null)
            .orElse(false);
  }

  private static Reply.Form declarationForm(
      long missionId, OptionalLong campaign, Texts texts, String error) {
    return new Reply.Form(
        DECLARE_FORM,
        texts.t("commit.declare.title"),
        texts.t("commit.declare.intro"),
        List.of(
            new Field(
                "declaration",
                texts.t("commit.declare.label"),
                FieldType.MULTI_SELECT,
                true,
                List.of(
                    new OptionGroup(
                        "", List.of(new Option("no-conflict", texts.t("commit.declare.option"))))),
                List.of(),
                null,
                error)),
        texts.t("button.commit"),
        campaign.isPresent()
            ? Map.of(
                "missionId",
                Long.toString(missionId),
                CAMPAIGN,
                Long.toString(campaign.getAsLong()))
            : Map.of("missionId", Long.toString(missionId)));
  }
}
