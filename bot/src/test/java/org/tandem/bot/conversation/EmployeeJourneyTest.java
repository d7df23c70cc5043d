package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.error;
import static org.tandem.bot.support.Chat.field;
import static org.tandem.bot.support.Chat.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.people.Employee;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** The discover, commit, log hours loop, as an employee types and clicks it, in two languages. */
@BotTest
class EmployeeJourneyTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;

  TenantId tenant;
  Mission workshop;
  Mission remote;

  @BeforeEach
  void company() {
    tenant = fixtures.company();
    workshop = fixtures.workshopInEsch(tenant, 3);
    remote =
        fixtures.mission(
            tenant,
            Fixtures.draft(
                workshop.associationId(),
                "Remote spreadsheet help",
                List.of("spreadsheets"),
                MissionMode.REMOTE,
                null,
                2));
  }

  @Test
  void aNewcomerIsOnboardedThenFindsCommitsLogsAndSeesTheirYearInEnglish() {
    Employee newcomer = fixtures.person(tenant, "Nora");
    Chat chat = new Chat(engine, newcomer, Locale.ENGLISH);

    Reply first = chat.say("find me a mission");
    assertThat(form(first).id()).isEqualTo("profile");
    assertThat(form(first).intro()).contains("Welcome to Tandem, Nora");

    Reply wrong =
        chat.submitForm(
            Map.of(
                "place",
                List.of("Atlantis"),
                "skills",
                List.of("accounting"),
                "travelKm",
                List.of("20")));
    assertThat(error(wrong, "place")).contains("Atlantis");
    assertThat(field(wrong, "skills").values()).containsExactly("accounting");
    assertThat(field(wrong, "place").values()).containsExactly("Atlantis");

    Reply saved = chat.submitForm(Map.of("place", List.of("differdange")));
    assertThat(saved.plainText()).contains("all set").contains("Differdange (LU)");

    Reply found = chat.say("missions near Esch");
    assertThat(cards(found)).extracting(Reply.Card::title).contains("Bookkeeping workshop");
    Reply.Card card =
        cards(found).stream()
            .filter(c -> c.title().equals("Bookkeeping workshop"))
            .findFirst()
            .orElseThrow();
    assertThat(card.text()).startsWith("Uses your").contains("km from Esch-sur-Alzette");

    Reply details =
        chat.click("mission.details", Map.of("missionId", Long.toString(workshop.id())));
    assertThat(details.plainText()).contains("Where: Esch-sur-Alzette").contains("2 sessions");

    Reply committed = chat.click("mission.commit");
    assertThat(committed.plainText()).contains("You're in: Bookkeeping workshop");
    Reply again = chat.click("mission.commit", Map.of("missionId", Long.toString(workshop.id())));
    assertThat(again.plainText()).contains("already signed up");

    Reply mine = chat.say("my commitments");
    assertThat(cards(mine)).extracting(Reply.Card::title).containsExactly("Bookkeeping workshop");

    Reply logged = chat.say("log 2.5h yesterday for the bookkeeping workshop");
    assertThat(logged.plainText())
        .contains("Logged 2.5 h")
        .contains("Bookkeeping workshop")
        .contains("Waiting for approval");

    Reply year = chat.say("my year");
    assertThat(year.plainText())
        .contains("Waiting for approval: 2.5 h")
        .contains("Allowance left: 37.5 h of 40 h");
  }

  @Test
  void leBoucleEnFrancaisAvecUnePhrase() {
    Employee ana = fixtures.accountantInDifferdange(tenant);
    Chat chat = new Chat(engine, ana, Locale.FRENCH);

    Reply found = chat.say("trouve-moi des missions");
    assertThat(found.plainText()).contains("Voici des missions");
    Reply.Card card =
        cards(found).stream()
            .filter(c -> c.title().equals("Bookkeeping workshop"))
            .findFirst()
            .orElseThrow();
    assertThat(card.text())
        .startsWith("Mobilise vos compétences en comptabilité")
        .contains("à 7\u00a0km de Differdange");
    assertThat(card.buttons())
        .extracting(Reply.Button::label)
        .containsExactly("Je m'engage", "Détails", "Pas pour moi");

    chat.click("mission.commit", card.buttons().get(0).data());
    assertThat(chat.last.plainText()).contains("C'est noté\u00a0: Bookkeeping workshop");

    Reply logged = chat.say("j'ai fait 3 h hier");
    assertThat(logged.plainText())
        .contains("3\u00a0h déclarées")
        .contains("En attente de validation");

    Reply year = chat.say("mon année");
    assertThat(year.plainText())
        .contains("En attente de validation\u00a0: 3\u00a0h")
        .contains("Forfait restant\u00a0: 37\u00a0h sur 40\u00a0h");
  }

  @Test
  void theHoursFormKeepsWhatWasTypedAndPutsEachRefusalOnItsField() {
    Employee ana = fixtures.accountantInDifferdange(tenant);
    commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);

    Reply form = chat.say("hours");
    assertThat(form(form).id()).isEqualTo("hours");
    assertThat(field(form, "commitment").values()).hasSize(1);

    Reply notANumber = chat.submitForm(Map.of("hours", List.of("lots"), "note", List.of("kept")));
    assertThat(error(notANumber, "hours")).contains("2h30");
    assertThat(field(notANumber, "note").values()).containsExactly("kept");

    Reply negative = chat.submitForm(Map.of("hours", List.of("-2")));
    assertThat(error(negative, "hours")).contains("more than zero");

    Reply tooMuch = chat.submitForm(Map.of("hours", List.of("30")));
    assertThat(error(tooMuch, "hours")).contains("a day has only 24");

    Reply future =
        chat.submitForm(
            Map.of(
                "hours",
                List.of("2"),
                "date",
                List.of(LocalDate.now(Fixtures.LUXEMBOURG).plusDays(3).toString())));
    assertThat(error(future, "date")).contains("still to come");

    Reply quarter =
        chat.submitForm(
            Map.of(
                "hours",
                List.of("1.1"),
                "date",
                List.of(LocalDate.now(Fixtures.LUXEMBOURG).toString())));
    assertThat(error(quarter, "hours")).contains("quarter-hour");

    assertThat(hours.ofEmployee(tenant, ana.id(), LocalDate.now(Fixtures.LUXEMBOURG).getYear()))
        .isEmpty();

    Reply ok = chat.submitForm(Map.of("hours", List.of("1h30")));
    assertThat(ok.plainText()).contains("Logged 1.5 h");
  }

  @Test
  void remoteFilterPagingAndNotForMe() {
    Employee ana = fixtures.accountantInDifferdange(tenant);
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    Reply remoteOnly = chat.say("missions remote");
    assertThat(cards(remoteOnly))
        .extracting(Reply.Card::title)
        .containsExactly("Remote spreadsheet help");

    chat.click("mission.dismiss");
    assertThat(chat.last.plainText()).contains("won't propose that one again");
    assertThat(chat.say("missions remote").plainText())
        .doesNotContain("Remote spreadsheet help")
        .contains("No open mission fits you");

    for (int i = 0; i < 7; i++) {
      fixtures.mission(
          tenant,
          Fixtures.draft(
              workshop.associationId(),
              "Remote " + i,
              List.of("accounting"),
              MissionMode.REMOTE,
              null,
              2));
    }
    Reply page1 = chat.say("missions");
    assertThat(cards(page1)).hasSize(5);
    Reply page2 = chat.click("missions.more");
    assertThat(cards(page2))
        .isNotEmpty()
        .extracting(Reply.Card::title)
        .doesNotContainAnyElementsOf(cards(page1).stream().map(Reply.Card::title).toList());
  }

  @Test
  void causeSkillAndPeriodFiltersAreReadFromText() {
    Employee ana = fixtures.accountantInDifferdange(tenant);
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    fixtures.mission(
        tenant,
        Fixtures.draft(
            workshop.associationId(),
            "Garden next month",
            List.of("gardening"),
            MissionMode.REMOTE,
            null,
            2,
            Fixtures.evening(45)));
    assertThat(cards(chat.say("missions this week")).stream().map(Reply.Card::title))
        .contains("Remote spreadsheet help")
        .doesNotContain("Garden next month");
    assertThat(cards(chat.say("missions gardening")).stream().map(Reply.Card::title))
        .containsExactly("Garden next month");
    Chat fr = new Chat(engine, ana, Locale.FRENCH);
    assertThat(fr.say("missions santé").plainText())
        .contains("Aucune mission ouverte ne vous correspond");
    assertThat(cards(fr.say("missions inclusion sociale")).stream().map(Reply.Card::title))
        .contains("Bookkeeping workshop");
  }

  @Test
  void aFullMissionOffersTheWaitingListAndCancellingOffersTheSeatToIt() {
    Mission one = fixtures.workshopInEsch(tenant, 1);
    Employee first = fixtures.accountantInDifferdange(tenant);
    Employee second = fixtures.accountantInDifferdange(tenant);
    Chat a = new Chat(engine, first, Locale.ENGLISH);
    Chat b = new Chat(engine, second, Locale.FRENCH);
    a.click("mission.commit", Map.of("missionId", Long.toString(one.id())));
    Reply waitlisted = b.click("mission.commit", Map.of("missionId", Long.toString(one.id())));
    assertThat(waitlisted.plainText()).contains("n°\u00a01 sur la liste d'attente");

    Reply mine = a.say("mine");
    a.click("commitment.cancel");
    a.click("commitment.cancel.confirm");
    assertThat(a.last.plainText()).contains("Cancelled");
    assertThat(commitments.live(tenant, one.id(), second.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.OFFERED);
    assertThat(mine).isNotNull();
    // The seat is offered in "mes engagements", with Accept and Pass; Accept takes it.
    b.say("mes engagements");
    assertThat(b.last.plainText()).contains("Place proposée, à accepter jusqu'au");
    assertThat(b.click("offer.accept").plainText()).contains("C'est noté");
    assertThat(commitments.live(tenant, one.id(), second.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
  }
}
