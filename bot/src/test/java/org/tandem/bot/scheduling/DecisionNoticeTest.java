package org.tandem.bot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** A rejection or a decline reaches the person with the approver's reason, through the outbox. */
@BotTest
class DecisionNoticeTest {

  static final FakeSlackApi slack = new FakeSlackApi();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    slack.configure(registry, "secret", "xoxb-test-token");
    // The test runs the dispatcher itself.
    registry.add("tandem.outbox.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Tenants tenants;
  @Autowired ConversationEngine engine;
  @Autowired OutboxDispatcher dispatcher;

  @Test
  void theEmployeeReadsWhyTheirHoursWereRejectedAndWhyTheirCommitmentWasDeclined() {
    TenantId tenant = fixtures.company();
    String ana = "U0ANA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    Employee volunteer =
        people.enrol(
            tenant,
            IdentityKind.SLACK,
            ana,
            new NewPerson("Ana Lopes", null, Locale.FRENCH, Fixtures.LUXEMBOURG));
    Employee claire = fixtures.person(tenant, "Claire");
    people.bootstrap(tenant, claire.id(), Role.CSR_MANAGER);
    Chat csr = new Chat(engine, people.find(tenant, claire.id()).orElseThrow(), Locale.ENGLISH);

    Mission workshop = fixtures.workshopInEsch(tenant, 3);
    Commitment c = commitments.commit(tenant, volunteer.id(), workshop.id(), false).value();
    hours
        .log(
            tenant,
            volunteer.id(),
            HoursRequest.onWorkTime(c.id(), LocalDate.now(Fixtures.LUXEMBOURG), 150, ""))
        .value();
    csr.say("approvals");
    csr.click("hours.reject");
    csr.submitForm(Map.of("reason", List.of("Not on the attendance sheet <that day>")));

    dispatcher.dispatch();
    FakeSlackApi.Call rejected =
        slack.await(
            "chat.postMessage",
            m -> ana.equals(m.param("channel")) && m.param("text").contains("pas été validées"));
    assertThat(rejected.param("text"))
        .contains("Vos 2,5")
        .contains("Bookkeeping workshop")
        .contains("Not on the attendance sheet");
    assertThat(rejected.param("blocks")).contains("Not on the attendance sheet &lt;that day&gt;");

    tenants.change(tenant, PolicyChange.none().managerApproval(true));
    people.setManager(tenant, volunteer.id(), claire.id());
    Mission other = fixtures.workshopInEsch(tenant, 3);
    commitments.commit(tenant, volunteer.id(), other.id(), false).value();
    csr.say("approvals");
    csr.click("commitment.decline");
    csr.submitForm(Map.of("reason", List.of("Quarter closing that week")));
    dispatcher.dispatch();
    FakeSlackApi.Call declined =
        slack.await(
            "chat.postMessage",
            m -> ana.equals(m.param("channel")) && m.param("text").contains("a été refusé"));
    assertThat(declined.param("text")).contains("Quarter closing that week");
  }
}
