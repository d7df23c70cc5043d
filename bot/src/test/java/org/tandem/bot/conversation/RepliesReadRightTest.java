package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Profile;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Whole replies, as people read them, where sentences are put together from several messages: a
 * proposal's reason from a town starting with a vowel, an empty report, hours logged in German.
 */
@BotTest
class RepliesReadRightTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Commitments commitments;

  TenantId tenant;
  Employee ana;
  Mission workshop;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    workshop = fixtures.workshopInEsch(tenant, 2);
    Employee differdange = fixtures.accountantInDifferdange(tenant);
    Profile p = differdange.profile();
    ana =
        people
            .updateProfile(
                tenant,
                differdange.id(),
                new Profile(
                    p.skills(),
                    fixtures.place("Arlon"),
                    60,
                    p.remoteOk(),
                    p.causes(),
                    p.languages(),
                    p.availability()))
            .value();
  }

  @Test
  void aProposalFromArlonReadsDArlon() {
    Reply missions = new Chat(engine, ana, Locale.FRENCH).say("missions");
    String reason =
        cards(missions).stream()
            .filter(c -> c.title().equals(workshop.title()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(missions.plainText()))
            .text();
    assertThat(reason).containsPattern("à \\d+\u00a0km d'Arlon");
    assertReadsRight(missions);
  }

  @Test
  void anEmptyFrenchReportLeavesASpaceAfterEachSentence() {
    Employee sophie =
        people.bootstrap(tenant, fixtures.person(tenant, "Sophie Muller").id(), Role.CSR_MANAGER);
    Reply report = new Chat(engine, sophie, Locale.FRENCH).say("rapport le mois dernier par site");
    assertThat(report.plainText()).contains("Personne n'a encore participé sur cette période.");
    assertReadsRight(report);
  }

  @Test
  void hoursLoggedInGermanNameTheDayTheGermanWay() {
    commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    Reply logged = new Chat(engine, ana, Locale.GERMAN).say("gestern 2 Stunden erfassen");
    assertThat(logged.plainText())
        .containsPattern("2 Std\\. am \\p{L}+, \\d{1,2}\\. \\p{L}+ für " + workshop.title());
  }

  static void assertReadsRight(Reply reply) {
    List<String> problems = new ArrayList<>();
    TypographyTest.check(problems, "reply", reply.plainText());
    assertThat(problems).isEmpty();
  }
}
