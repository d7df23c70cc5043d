package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** Buttons said to open a form do open one, so a channel can show it as a dialog at once. */
@BotTest
class FormButtonsTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Commitments commitments;
  @Autowired org.tandem.core.proposals.Proposals proposals;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void everyActionDeclaredAsOpeningAFormIsAnsweredWithAFormAndItsButtonsSaySo() {
    TenantId tenant = fixtures.company();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    people.installedBy(tenant, ana.id());
    Mission mission = fixtures.workshopInEsch(tenant, 3);
    long commitment = commitments.commit(tenant, ana.id(), mission.id(), false).value().id();
    // Hours proposed after the workshop's past evening (committed before it, as history is).
    jdbc.sql("update commitment set created_at = now() - interval '8 days' where id = ?")
        .param(commitment)
        .update();
    proposals.proposeEnded(Fixtures.evening(-7).endsAt().plusSeconds(3600));
    long proposal =
        jdbc.sql("select id from hours_proposal where commitment_id = ?")
            .param(commitment)
            .query(Long.class)
            .single();
    Employee boss = people.find(tenant, ana.id()).orElseThrow();
    assertThat(boss.has(Role.ADMIN)).isTrue();
    Chat chat = new Chat(engine, boss, Locale.ENGLISH);
    Map<String, String> data =
        Map.of(
            "missionId",
            Long.toString(mission.id()),
            "commitmentId",
            Long.toString(commitment),
            "associationId",
            Long.toString(mission.associationId()),
            // Rejecting asks why before the core decides: any entry gets the form.
            "entryId",
            "1",
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
