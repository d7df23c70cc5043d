package org.tandem.core.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Campaigns in core: who may run them, what a valid one is, who it reaches and when (from 08:00 on
 * its day in each person's zone), once; what it brought.
 */
@DatabaseTest
class CampaignsTest {

  @Autowired Campaigns campaigns;
  @Autowired CampaignSending sending;
  @Autowired CampaignResponses responses;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  TenantId tenant;
  Employee csr;
  Employee ana;
  Mission workshop;
  final Instant now = Instant.parse("2027-03-01T10:00:00Z"); // a Monday

  @BeforeEach
  void company() {
    tenant = fixtures.company();
    csr = fixtures.csrManager(tenant, "Camille CSR");
    ana = fixtures.person(tenant, "Ana Lopes");
    workshop = fixtures.workshopInEsch(tenant, 5);
  }

  private Employee at(String name, String site, String department, String zone, Integer digest) {
    Employee e = fixtures.person(tenant, name);
    jdbc.sql(
            """
            update employee set site = ?, department = ?, time_zone = ?, digest_day = ?
            where tenant_id = ? and id = ?""")
        .params(site, department, zone, digest, tenant.value(), e.id())
        .update();
    return e;
  }

  private CampaignDraft draft(String name, Audience audience, String value, LocalDate on) {
    return new CampaignDraft(
        name, "Join us for *Giving week*", List.of(workshop.id()), audience, value, on);
  }

  private List<Long> recipients(long campaign) {
    return jdbc.sql(
            """
            select employee_id from notification where tenant_id = ? and kind = 'CAMPAIGN'
              and payload = ? order by employee_id""")
        .params(tenant.value(), Long.toString(campaign))
        .query(Long.class)
        .list();
  }

  @Test
  void onlyACsrManagerLaunchesAndARefusalStoresNothing() {
    Outcome<Campaign> refused =
        campaigns.launch(tenant, ana.id(), draft("Week", Audience.EVERYONE, null, null), now);
    assertThat(refused.refusal().code()).isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(campaigns.list(tenant, ana.id(), 10).isDone()).isFalse();
    assertThat(campaigns.list(tenant, csr.id(), 10).value()).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from notification where tenant_id = ? and kind = 'CAMPAIGN'")
                .param(tenant.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void eachAudienceReachesItsPeopleOnceAndNoOneElse() {
    Employee lux = at("Lea", "Luxembourg", "Finance", "Europe/Luxembourg", 1);
    Employee esch = at("Marc", "Esch", "Finance", "Europe/Luxembourg", null);
    Employee it = at("Yann", "Esch", "IT", "Europe/Luxembourg", null);
    Employee gone = at("Gone", "Luxembourg", "Finance", "Europe/Luxembourg", 1);
    jdbc.sql("update employee set deactivated_at = now() where id = ?").param(gone.id()).update();

    long site =
        campaigns
            .launch(tenant, csr.id(), draft("Site", Audience.SITE, "Esch", null), now)
            .value()
            .id();
    long department =
        campaigns
            .launch(tenant, csr.id(), draft("Dept", Audience.DEPARTMENT, "Finance", null), now)
            .value()
            .id();
    long digest =
        campaigns
            .launch(tenant, csr.id(), draft("Digest", Audience.DIGEST, null, null), now)
            .value()
            .id();
    long everyone =
        campaigns
            .launch(tenant, csr.id(), draft("All", Audience.EVERYONE, null, null), now)
            .value()
            .id();

    assertThat(recipients(site)).containsExactly(esch.id(), it.id());
    assertThat(recipients(department)).containsExactly(lux.id(), esch.id());
    assertThat(recipients(digest)).containsExactly(lux.id());
    assertThat(recipients(everyone))
        .contains(csr.id(), ana.id(), lux.id(), esch.id(), it.id())
        .doesNotContain(gone.id());
    assertThat(campaigns.find(tenant, everyone).orElseThrow().status())
        .isEqualTo(Campaign.Status.SENT);
    // Sent once: running the job again writes nothing more.
    assertThat(sending.releaseDue(now.plus(Duration.ofDays(3)))).isZero();
  }

  @Test
  void aBadDraftIsRefusedOnItsField() {
    Mission closed = fixtures.workshopInEsch(tenant, 5);
    jdbc.sql("update mission set status = 'CLOSED' where id = ?").param(closed.id()).update();
    campaigns.launch(tenant, csr.id(), draft("Taken", Audience.EVERYONE, null, null), now);

    record Case(CampaignDraft draft, String field, ReasonCode code) {}
    for (Case c :
        List.of(
            new Case(
                draft(" ", Audience.EVERYONE, null, null),
                "name",
                ReasonCode.CAMPAIGN_NAME_REQUIRED),
            new Case(
                draft("taken", Audience.EVERYONE, null, null),
                "name",
                ReasonCode.CAMPAIGN_NAME_TAKEN),
            new Case(
                new CampaignDraft("X", "", List.of(workshop.id()), Audience.EVERYONE, null, null),
                "message",
                ReasonCode.CAMPAIGN_MESSAGE_REQUIRED),
            new Case(
                new CampaignDraft("X", "Hi", List.of(), Audience.EVERYONE, null, null),
                "missions",
                ReasonCode.CAMPAIGN_MISSIONS_REQUIRED),
            new Case(
                new CampaignDraft("X", "Hi", List.of(closed.id()), Audience.EVERYONE, null, null),
                "missions",
                ReasonCode.CAMPAIGN_MISSION_NOT_OPEN),
            new Case(
                draft("X", Audience.SITE, "", null),
                "target",
                ReasonCode.CAMPAIGN_AUDIENCE_REQUIRED),
            new Case(
                draft("X", Audience.SITE, "Mars", null),
                "target",
                ReasonCode.CAMPAIGN_SITE_UNKNOWN),
            new Case(
                draft("X", Audience.CHANNEL, "general", null),
                "target",
                ReasonCode.CAMPAIGN_CHANNEL_INVALID),
            new Case(
                draft("X", Audience.EVERYONE, null, LocalDate.of(2027, 2, 28)),
                "date",
                ReasonCode.CAMPAIGN_DATE_PAST))) {
      Outcome<Campaign> o = campaigns.launch(tenant, csr.id(), c.draft(), now);
      assertThat(o.refusal().code()).as(c.toString()).isEqualTo(c.code());
      assertThat(o.refusal().field()).as(c.toString()).isEqualTo(c.field());
    }
    assertThat(campaigns.list(tenant, csr.id(), 10).value()).hasSize(1);
  }

  @Test
  void aDatedCampaignReachesEachPersonFrom8InTheirZoneAndCanChangeUntilThen() {
    Employee ny = at("Nina", null, null, "America/New_York", null);
    Employee kolkata = at("Ravi", null, null, "Asia/Kolkata", null);
    LocalDate day = LocalDate.of(2027, 3, 3);
    long id =
        campaigns
            .launch(tenant, csr.id(), draft("Week", Audience.EVERYONE, null, day), now)
            .value()
            .id();
    assertThat(recipients(id)).isEmpty();
    assertThat(
            campaigns
                .edit(tenant, csr.id(), id, draft("Giving week", Audience.EVERYONE, null, day), now)
                .value()
                .name())
        .isEqualTo("Giving week");

    // 07:59 in Kolkata: nobody yet.
    sending.releaseDue(at(day, 7, 59, "Asia/Kolkata"));
    assertThat(recipients(id)).isEmpty();
    sending.releaseDue(at(day, 8, 0, "Asia/Kolkata"));
    assertThat(recipients(id)).containsExactly(kolkata.id());
    assertThat(
            campaigns
                .edit(tenant, csr.id(), id, draft("Late", Audience.EVERYONE, null, day), now)
                .refusal()
                .code())
        .isEqualTo(ReasonCode.CAMPAIGN_ALREADY_SENT);
    assertThat(campaigns.cancel(tenant, csr.id(), id).refusal().code())
        .isEqualTo(ReasonCode.CAMPAIGN_ALREADY_SENT);

    sending.releaseDue(at(day, 8, 0, "Europe/Luxembourg"));
    assertThat(recipients(id)).doesNotContain(ny.id()).contains(ana.id(), csr.id());
    sending.releaseDue(at(day, 8, 0, "America/New_York"));
    assertThat(recipients(id)).contains(ny.id(), kolkata.id(), ana.id());
    int everyone = recipients(id).size();
    sending.releaseDue(at(day.plusDays(2), 9, 0, "America/New_York"));
    assertThat(recipients(id)).hasSize(everyone);
    assertThat(campaigns.find(tenant, id).orElseThrow().status()).isEqualTo(Campaign.Status.SENT);
  }

  @Test
  void aCancelledCampaignReachesNobody() {
    LocalDate day = LocalDate.of(2027, 3, 3);
    long id =
        campaigns
            .launch(tenant, csr.id(), draft("Week", Audience.EVERYONE, null, day), now)
            .value()
            .id();
    assertThat(campaigns.cancel(tenant, ana.id(), id).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(campaigns.cancel(tenant, csr.id(), id).value().status())
        .isEqualTo(Campaign.Status.CANCELLED);
    sending.releaseDue(at(day, 12, 0, "Europe/Luxembourg"));
    assertThat(recipients(id)).isEmpty();
    // Its name is free again.
    assertThat(
            campaigns
                .launch(tenant, csr.id(), draft("Week", Audience.EVERYONE, null, day), now)
                .isDone())
        .isTrue();
  }

  @Test
  void clicksCountOncePerPersonAndCommitmentsFromTheMessageAreAttributed() {
    long id =
        campaigns
            .launch(tenant, csr.id(), draft("Week", Audience.EVERYONE, null, null), now)
            .value()
            .id();
    responses.clicked(tenant, ana.id(), id);
    responses.clicked(tenant, ana.id(), id);
    var commitment = responses.commit(tenant, ana.id(), workshop.id(), false, id).value();
    assertThat(responses.commit(tenant, ana.id(), workshop.id(), false, id).value().repeated())
        .isTrue();
    Employee lea = fixtures.person(tenant, "Lea");
    responses.commit(tenant, lea.id(), workshop.id(), false, id);
    jdbc.sql(
            """
            insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,
                                    status)
            values (?, ?, ?, current_date, 90, 'APPROVED')""")
        .params(tenant.value(), commitment.id(), ana.id())
        .update();

    CampaignFigures f = campaigns.figures(tenant, csr.id(), id).value();
    assertThat(f.clicked()).isEqualTo(2);
    assertThat(f.committed()).isEqualTo(2);
    assertThat(f.approvedMinutes()).isEqualTo(90);
    assertThat(f.reached()).isZero(); // nothing delivered yet: the outbox has not sent it
    assertThat(campaigns.figures(tenant, ana.id(), id).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);

    // A forged id (another company's campaign, or one not sent) counts nothing.
    TenantId other = fixtures.company();
    Employee otherCsr = fixtures.csrManager(other, "Other");
    long theirs =
        campaigns
            .launch(
                other,
                otherCsr.id(),
                new CampaignDraft(
                    "Theirs",
                    "Hi",
                    List.of(fixtures.workshopInEsch(other, 3).id()),
                    Audience.EVERYONE,
                    null,
                    null),
                now)
            .value()
            .id();
    responses.clicked(tenant, ana.id(), theirs);
    assertThat(campaigns.figures(other, otherCsr.id(), theirs).value().clicked()).isZero();
  }

  @Test
  void aChannelCampaignIsClaimedOnceAndRetriedOnlyAfterItsLease() {
    long id =
        campaigns
            .launch(
                tenant,
                csr.id(),
                draft("Channel", Audience.CHANNEL, Channels.id("<#C0VOLUNTEER|vol>"), null),
                now)
            .value()
            .id();
    assertThat(recipients(id)).isEmpty();
    var claimed = sending.claimChannels(now, Duration.ofMinutes(2));
    assertThat(claimed)
        .filteredOn(p -> p.campaignId() == id)
        .singleElement()
        .satisfies(p -> assertThat(p.channel()).isEqualTo("C0VOLUNTEER"))
        .satisfies(p -> assertThat(p.retry()).isFalse());
    assertThat(sending.claimChannels(now.plusSeconds(60), Duration.ofMinutes(2)))
        .noneMatch(p -> p.campaignId() == id);
    assertThat(sending.claimChannels(now.plusSeconds(180), Duration.ofMinutes(2)))
        .filteredOn(p -> p.campaignId() == id)
        .singleElement()
        .satisfies(p -> assertThat(p.retry()).isTrue());
    sending.posted(tenant, id, Campaign.POSTED);
    assertThat(sending.claimChannels(now.plusSeconds(600), Duration.ofMinutes(2)))
        .noneMatch(p -> p.campaignId() == id);
    assertThat(campaigns.find(tenant, id).orElseThrow().channelResult()).isEqualTo(Campaign.POSTED);
  }

  private static Instant at(LocalDate day, int hour, int minute, String zone) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
        .atZone(ZoneId.of(zone))
        .toInstant();
  }
}
