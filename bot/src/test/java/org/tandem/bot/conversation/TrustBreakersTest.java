package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;
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
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** What made people stop trusting Tandem, each as the behaviour that now earns it back. */
@BotTest
class TrustBreakersTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired People people;

  TenantId tenant;
  Employee ana;
  Mission workshop;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    ana = fixtures.accountantInDifferdange(tenant);
    workshop = fixtures.workshopInEsch(tenant, 3);
  }

  private int entries() {
    return hours.ofEmployee(tenant, ana.id(), LocalDate.now(Fixtures.LUXEMBOURG).getYear()).size();
  }

  private static List<String> titles(Reply r) {
    return cards(r).stream().map(Reply.Card::title).toList();
  }

  @Test
  void remoteNoInTheProfileHidesRemoteMissionsUntilRemoteIsAskedFor() {
    var caritas = fixtures.association(tenant, "Caritas", org.tandem.core.causes.Cause.HEALTH);
    fixtures.mission(
        tenant,
        Fixtures.draft(
            caritas.id(),
            "Remote bookkeeping",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            3));
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    assertThat(titles(chat.say("missions"))).contains("Remote bookkeeping", "Bookkeeping workshop");

    chat.say("my profile");
    assertThat(chat.submitForm(Map.of("remote", List.of("no"))).plainText())
        .contains("Remote missions too: No");
    assertThat(titles(chat.say("missions")))
        .contains("Bookkeeping workshop")
        .doesNotContain("Remote bookkeeping");
    assertThat(titles(chat.say("remote missions"))).contains("Remote bookkeeping");
  }

  @Test
  void theSameHoursTwiceAreQuestionedAndLoggedAgainOnlyOnConfirmation() {
    commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    Chat chat = new Chat(engine, ana, Locale.FRENCH);
    assertThat(chat.say("j'ai fait 3 h hier").plainText()).contains("déclarées le");
    Reply again = chat.say("j'ai fait 3 h hier");
    assertThat(form(again).intro()).startsWith("Vous avez déjà déclaré 3\u00a0h le ");
    assertThat(form(again).submitLabel()).isEqualTo("Déclarer à nouveau");
    assertThat(entries()).isEqualTo(1);

    // The confirmation logs exactly the hours it asked about.
    assertThat(chat.submitForm(Map.of()).plainText()).contains("déclarées le");
    assertThat(entries()).isEqualTo(2);
    // A third time is asked again: one confirmation is not a licence.
    assertThat(form(chat.say("j'ai fait 3 h hier")).submitLabel()).isEqualTo("Déclarer à nouveau");
    assertThat(entries()).isEqualTo(2);
  }

  @Test
  void threeHoursTomorrowIsReadAsHoursAndTheFutureDateIsExplained() {
    commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    Reply r = chat.say("3h tomorrow");
    assertThat(Chat.error(r, "date")).contains("is still to come");
    assertThat(Chat.field(r, "hours").values()).containsExactly("3");
    assertThat(entries()).isZero();
  }

  @Test
  void cancelAsksFirstAndKeepingThePlaceChangesNothing() {
    Commitment c = commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    Chat chat = new Chat(engine, ana, Locale.ENGLISH);
    chat.say("mine");
    Reply question = chat.click("commitment.cancel");
    assertThat(question.plainText()).contains("Cancel your place on Bookkeeping workshop?");
    assertThat(commitments.find(tenant, c.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);
    assertThat(chat.click("commitments.mine").plainText()).contains("Bookkeeping workshop");
    assertThat(commitments.find(tenant, c.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CONFIRMED);

    chat.click("commitment.cancel", Map.of("commitmentId", Long.toString(c.id())));
    assertThat(chat.click("commitment.cancel.confirm").plainText()).contains("Cancelled");
    assertThat(commitments.find(tenant, c.id()).orElseThrow().status())
        .isEqualTo(CommitmentStatus.CANCELLED);
  }

  @Test
  void rejectingHoursAsksWhyAndRefusesNoReason() {
    Commitment c = commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    var entry =
        hours
            .log(
                tenant,
                ana.id(),
                org.tandem.core.hours.HoursRequest.onWorkTime(
                    c.id(), LocalDate.now(Fixtures.LUXEMBOURG), 120, ""))
            .value();
    Employee claire = fixtures.person(tenant, "Claire");
    people.bootstrap(tenant, claire.id(), Role.CSR_MANAGER);
    claire = people.find(tenant, claire.id()).orElseThrow();
    Chat csr = new Chat(engine, claire, Locale.GERMAN);
    csr.say("Genehmigungen");
    Reply asked = csr.click("hours.reject");
    assertThat(form(asked).title()).isEqualTo("Warum lehnen Sie diese Stunden ab?");
    Reply empty = csr.submitForm(Map.of("reason", List.of("  ")));
    assertThat(Chat.error(empty, "reason")).contains("Bitte nennen Sie kurz den Grund");
    assertThat(hours.find(tenant, entry.id()).orElseThrow().status().name()).isEqualTo("PENDING");

    csr.submitForm(Map.of("reason", List.of("An dem Tag nicht auf der Anwesenheitsliste")));
    assertThat(csr.last.plainText()).contains("Die Person liest Ihre Begründung");
    assertThat(hours.decisionNote(tenant, entry.id()))
        .contains("An dem Tag nicht auf der Anwesenheitsliste");
  }

  @Test
  void myYearWithCommitmentsButNoHoursSaysWhatIsComingUp() {
    commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    String year = new Chat(engine, ana, Locale.ENGLISH).say("my year").plainText();
    assertThat(year)
        .contains("Coming up")
        .contains("Bookkeeping workshop")
        .contains("they count once your sessions are done")
        .doesNotContain("Nothing logged yet this year");
    Employee newcomer = fixtures.accountantInDifferdange(tenant);
    assertThat(new Chat(engine, newcomer, Locale.ENGLISH).say("my year").plainText())
        .contains("Nothing logged yet this year")
        .doesNotContain("Coming up");
  }

  @Test
  void theMissionNumberIsOnTheCardAndTheRosterIsOneClickForThoseAllowed() {
    Map<String, String> details = Map.of("missionId", Long.toString(workshop.id()));
    Chat employee = new Chat(engine, ana, Locale.ENGLISH);
    Reply.Card seen = cards(employee.click("mission.details", details)).get(0);
    assertThat(seen.facts()).contains(new Reply.Fact("Mission no.", Long.toString(workshop.id())));
    assertThat(seen.buttons()).extracting(Reply.Button::actionId).doesNotContain("roster.show");

    Employee sophie = fixtures.person(tenant, "Sophie Muller");
    people.bootstrap(tenant, sophie.id(), Role.CSR_MANAGER);
    sophie = people.find(tenant, sophie.id()).orElseThrow();
    Chat csr = new Chat(engine, sophie, Locale.ENGLISH);
    csr.click("mission.details", details);
    Reply roster = csr.click("roster.show");
    assertThat(roster.plainText()).contains("Bookkeeping workshop");
    // The number shown is the one "roster N" takes.
    assertThat(csr.say("roster " + workshop.id()).plainText()).isEqualTo(roster.plainText());
  }
}
