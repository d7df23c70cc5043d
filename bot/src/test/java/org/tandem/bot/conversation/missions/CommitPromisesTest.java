package org.tandem.bot.conversation.missions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.missions.Mission;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.notifications.Topic;
import org.tandem.core.people.Employee;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.Tenants;

/**
 * The commit reply promises a message only when one will be sent: not to someone who turned those
 * messages off, and not when nobody in the company can approve.
 */
@BotTest
class CommitPromisesTest {

  @Autowired Fixtures fixtures;
  @Autowired ConversationEngine engine;
  @Autowired NotificationSettings settings;
  @Autowired Tenants tenants;

  private static String said(Chat chat) {
    return Chat.cards(chat.last).toString();
  }

  @Test
  void aWaitingListPlaceForSomeoneWhoTurnedSeatOffersOffPromisesNoMessage() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.ENGLISH);
    Mission full = fixtures.workshopInEsch(company.tenant(), 1);
    Employee first = fixtures.person(company.tenant(), "First");
    new Chat(engine, first, Locale.ENGLISH)
        .click("mission.commit", Map.of("missionId", Long.toString(full.id())));

    Employee ana = fixtures.person(company.tenant(), "Ana");
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    chat.click("mission.commit", Map.of("missionId", Long.toString(full.id())));
    assertThat(said(chat)).contains("I tell you when it is your turn");

    Employee ben = fixtures.person(company.tenant(), "Ben");
    settings.receive(company.tenant(), ben.id(), Topic.WAITLIST, false);
    Chat quiet = new Chat(engine, ben, Locale.FRENCH);
    quiet.click("mission.commit", Map.of("missionId", Long.toString(full.id())));
    assertThat(said(quiet))
        .contains("Vous avez désactivé les messages sur les places proposées")
        .doesNotContain("je vous préviens");
  }

  @Test
  void approvalThatNobodyCanGiveIsSaidSoAndNotPromised() {
    Fixtures.Installed company = fixtures.slackInstall(Locale.ENGLISH);
    tenants.change(company.tenant(), PolicyChange.none().managerApproval(true));
    Mission workshop = fixtures.workshopInEsch(company.tenant(), 3);
    // The installer is the company's only CSR manager and has no line manager: nobody else can
    // approve their own commitment.
    Chat chat = new Chat(engine, company.admin(), Locale.GERMAN);
    chat.click("mission.commit", Map.of("missionId", Long.toString(workshop.id())));
    assertThat(said(chat))
        .contains("noch niemand im Unternehmen kann sie genehmigen")
        .doesNotContain("ich sage Ihnen Bescheid");

    Employee claire = fixtures.csrManager(company.tenant(), "Claire");
    Employee ben = fixtures.person(company.tenant(), "Ben");
    settings.receive(company.tenant(), ben.id(), Topic.DECISIONS, false);
    Chat quiet = new Chat(engine, ben, Locale.ENGLISH);
    quiet.click("mission.commit", Map.of("missionId", Long.toString(workshop.id())));
    assertThat(said(quiet))
        .contains("You turned off messages about decisions")
        .doesNotContain("I will tell you");
    assertThat(claire.id()).isPositive();
  }
}
