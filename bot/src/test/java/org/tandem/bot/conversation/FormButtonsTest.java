package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.campaigns.Audience;
import org.tandem.core.campaigns.CampaignDraft;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** Buttons said to open a form do open one, so a channel can show it as a dialog at once. */
@BotTest
class FormButtonsTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Commitments commitments;
  @Autowired org.tandem.core.proposals.Proposals proposals;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired Hours hours;
  @Autowired Tenants tenants;
  @Autowired Campaigns campaigns;

  @Test
  void everyActionDeclaredAsOpeningAFormIsAnsweredWithAFormAndItsButtonsSaySo() {
    TenantId tenant = fixtures.company();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    people.installedBy(tenant, ana.id());
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    long anas = commitments.commit(tenant, ana.id(), mission.id(), false).value().id();
    // Hours proposed after the workshop's past evening (committed before it, as history is).
    jdbc.sql("update commitment set created_at = now() - interval '8 days' where id = ?")
        .param(anas)
        .update();
    proposals.proposeEnded(Fixtures.evening(-7).endsAt().plusSeconds(3600));
    long proposal =
        jdbc.sql("select id from hours_proposal where commitment_id = ?")
            .param(anas)
            .query(Long.class)
            .single();
    Employee boss = people.find(tenant, ana.id()).orElseThrow();
    // Declining and rejecting ask why of someone who may decide something still waiting (a
    // decision already taken is said at once): Ben's commitment and hours wait for the boss.
    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    Employee ben = fixtures.person(tenant, "Ben");
    long confirmed = commitments.commit(tenant, ben.id(), mission.id(), false).value().id();
    commitments.approve(tenant, boss.id(), confirmed).value();
    long commitment =
        commitments
            .commit(tenant, ben.id(), fixtures.workshopInEsch(tenant, 3).id(), false)
            .value()
            .id();
    long entry =
        hours
            .log(
                tenant,
                ben.id(),
                HoursRequest.onWorkTime(confirmed, LocalDate.now(Fixtures.LUXEMBOURG), 60, ""))
            .value()
            .id();
    assertThat(boss.has(Role.ADMIN)).isTrue();
    Chat chat = new Chat(engine, boss, Locale.ENGLISH);
    // A campaign waiting for its day (campaign.edit): the installer is a CSR manager.
    long campaign =
        campaigns
            .launch(
                tenant,
                ana.id(),
                new CampaignDraft(
                    "Giving week",
                    "Join us",
                    java.util.List.of(mission.id()),
                    Audience.EVERYONE,
                    null,
                    java.time.LocalDate.now(Fixtures.LUXEMBOURG).plusDays(7)),
                java.time.Instant.now())
            .value()
            .id();
    Map<String, String> data =
        Map.of(
            "campaign",
            Long.toString(campaign),
            "missionId",
            Long.toString(mission.id()),
            "commitmentId",
            Long.toString(commitment),
            "associationId",
            Long.toString(mission.associationId()),
            "entryId",
            Long.toString(entry),
            // A person's directory entry (person.edit): the admin's own.
            "id",
            Long.toString(ana.id()),
            // Correcting hours proposed after a session: the person's own proposal.
            "proposal",
            Long.toString(proposal));

    assertThat(engine.formActions())
        .contains(
            "profile.edit",
            "hours.open",
            "policy.edit",
            "mission.new",
            "mission.edit",
            "association.new",
            "association.edit",
            "hours.reject",
            "commitment.decline",
            "proposal.correct");
    for (String action : engine.formActions()) {
      assertThat(chat.click(action, data).parts())
          .as(action)
          .anyMatch(p -> p instanceof Reply.Form);
    }

    Map<String, Boolean> opensForm = new java.util.HashMap<>();
    for (Reply.Card card : Chat.cards(chat.say("help"))) {
      card.buttons().forEach(b -> opensForm.put(b.actionId(), b.opensForm()));
    }
    assertThat(opensForm)
        .containsEntry("profile.edit", true)
        .containsEntry("hours.open", true)
        .containsEntry("missions.find", false)
        .containsEntry("year.show", false);
  }
}
