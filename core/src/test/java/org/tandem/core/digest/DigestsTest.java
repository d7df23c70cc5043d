package org.tandem.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.matching.Matching;
import org.tandem.core.matching.Proposal;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * The digest's rule of fit and its once-a-week, in core. Missions are published at the real time
 * here (core's tests have no movable clock), so each test runs the job an hour later, on a day it
 * makes the person's digest day; the bot's tests move the clock across days and zones.
 */
@DatabaseTest
class DigestsTest {

  @Autowired Fixtures fixtures;
  @Autowired Digests digests;
  @Autowired Matching matching;
  @Autowired Commitments commitments;
  @Autowired NotificationSettings settings;
  @Autowired SkillTaxonomy skills;
  @Autowired JdbcClient jdbc;

  /** An hour from now, or 08:30 that day in Luxembourg when that is earlier in the day. */
  private static Instant soonAfterEight() {
    LocalDateTime local = LocalDateTime.now(Fixtures.LUXEMBOURG).plusHours(1);
    if (local.getHour() < 8) {
      local = local.toLocalDate().atTime(8, 30);
    }
    return local.atZone(Fixtures.LUXEMBOURG).toInstant();
  }

  private static String day(Instant at) {
    return Integer.toString(at.atZone(Fixtures.LUXEMBOURG).getDayOfWeek().getValue());
  }

  private Mission accounting(TenantId tenant, Association a, String title, MissionMode mode) {
    return fixtures.mission(
        tenant,
        Fixtures.draft(
            a.id(),
            title,
            List.of("accounting"),
            mode,
            mode == MissionMode.REMOTE ? null : fixtures.place("Esch-sur-Alzette"),
            4));
  }

  private List<String> payloads(TenantId tenant, long employeeId) {
    return jdbc.sql(
            """
            select payload from notification
            where tenant_id = ? and employee_id = ? and kind = 'WEEKLY_DIGEST'""")
        .params(tenant.value(), employeeId)
        .query(String.class)
        .list();
  }

  @Test
  void aSubscriberGetsAtMostThreeNewMissionsThatFitThemOnceAWeekWithTheirReasons() {
    TenantId tenant = fixtures.slackInstall(Locale.ENGLISH).tenant();
    Instant now = soonAfterEight();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    assertThat(digests.choose(tenant, ana.id(), day(now)).value())
        .contains(DayOfWeek.of(Integer.parseInt(day(now))));
    Association caritas =
        fixtures.association(tenant, "Caritas " + UUID.randomUUID(), Cause.SOCIAL_INCLUSION);
    Mission remote = accounting(tenant, caritas, "Remote bookkeeping", MissionMode.REMOTE);
    Mission first = accounting(tenant, caritas, "Budget workshop", MissionMode.ONSITE);
    Mission second = accounting(tenant, caritas, "Tax forms evening", MissionMode.ONSITE);
    Mission third = accounting(tenant, caritas, "Accounts of a food bank", MissionMode.ONSITE);
    Mission dismissed = accounting(tenant, caritas, "Dismissed one", MissionMode.ONSITE);
    Mission committed = accounting(tenant, caritas, "Committed one", MissionMode.ONSITE);
    Mission far =
        fixtures.mission(
            tenant,
            Fixtures.draft(
                caritas.id(),
                "Far away",
                List.of("accounting"),
                MissionMode.ONSITE,
                fixtures.place("Clervaux"),
                4));
    matching.dismiss(tenant, ana.id(), dismissed.id());
    commitments.commit(tenant, ana.id(), committed.id(), false).value();

    digests.enqueueDue(now);

    List<String> written = payloads(tenant, ana.id());
    assertThat(written).hasSize(1);
    List<Long> ids = java.util.Arrays.stream(written.get(0).split(",")).map(Long::valueOf).toList();
    assertThat(ids)
        .hasSize(3)
        .doesNotContain(dismissed.id(), committed.id(), far.id())
        .isSubsetOf(remote.id(), first.id(), second.id(), third.id());
    List<Proposal> shown = digests.missions(tenant, ana.id(), written.get(0), now);
    assertThat(shown).extracting(Proposal::missionId).containsExactlyElementsOf(ids);
    assertThat(shown.get(0).reason(Locale.ENGLISH, skills)).contains("uses your accounting skills");

    // Another run that day (or on another instance) finds this week's digest done.
    digests.enqueueDue(now.plus(1, ChronoUnit.HOURS));
    assertThat(payloads(tenant, ana.id())).hasSize(1);

    // Committed to since: the digest, built when sent, leaves it out.
    commitments.commit(tenant, ana.id(), ids.get(0), false).value();
    assertThat(digests.missions(tenant, ana.id(), written.get(0), now))
        .extracting(Proposal::missionId)
        .containsExactlyElementsOf(ids.subList(1, 3));
  }

  @Test
  void nothingIsWrittenWhenNothingNewFitsNorForSomeoneWithoutTheDigest() {
    TenantId tenant = fixtures.slackInstall(Locale.FRENCH).tenant();
    Instant now = soonAfterEight();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    Employee bob = fixtures.accountantInDifferdange(tenant);
    digests.choose(tenant, ana.id(), day(now)).value();
    Association caritas =
        fixtures.association(tenant, "Caritas " + UUID.randomUUID(), Cause.SOCIAL_INCLUSION);
    fixtures.mission(
        tenant,
        Fixtures.draft(
            caritas.id(),
            "Far away",
            List.of("accounting"),
            MissionMode.ONSITE,
            fixtures.place("Clervaux"),
            4));

    digests.enqueueDue(now);
    assertThat(payloads(tenant, ana.id())).isEmpty();

    // Bob never subscribed: a mission that fits him changes nothing.
    accounting(tenant, caritas, "Budget workshop", MissionMode.ONSITE);
    digests.enqueueDue(now);
    assertThat(payloads(tenant, bob.id())).isEmpty();
    assertThat(settings.of(tenant, bob.id()).orElseThrow().digestDay()).isEmpty();
  }

  @Test
  void aDayOtherThanMondayToSundayOrOffIsRefusedAndChangesNothing() {
    TenantId tenant = fixtures.slackInstall(Locale.GERMAN).tenant();
    Employee ana = fixtures.accountantInDifferdange(tenant);
    digests.choose(tenant, ana.id(), "3").value();
    for (String wrong : new String[] {"8", "0", "monday", "", null}) {
      assertThat(digests.choose(tenant, ana.id(), wrong).refusal().code())
          .isEqualTo(ReasonCode.DIGEST_DAY_INVALID);
    }
    assertThat(settings.of(tenant, ana.id()).orElseThrow().digestDay())
        .contains(DayOfWeek.WEDNESDAY);
    assertThat(digests.choose(tenant, ana.id(), "off").value()).isEmpty();
    assertThat(settings.of(tenant, ana.id()).orElseThrow().digestDay()).isEmpty();
  }
}
