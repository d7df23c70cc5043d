package org.tandem.core.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.CountryOverride;
import org.tandem.core.tenants.OverAllowance;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

@DatabaseTest
class LoggingHoursTest {

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  private final LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);

  private record Setup(
      TenantId tenant, Employee volunteer, Commitment commitment, Mission mission) {}

  private Setup confirmedVolunteer() {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 5);
    Employee ana = fixtures.person(tenant, "Ana");
    Commitment c = commitments.commit(tenant, ana.id(), mission.id(), false).value();
    return new Setup(tenant, ana, c, mission);
  }

  private Outcome<HourEntry> log(Setup s, LocalDate date, int minutes) {
    return hours.log(
        s.tenant(),
        s.volunteer().id(),
        HoursRequest.onWorkTime(s.commitment().id(), date, minutes, "note"));
  }

  private int entries(Setup s) {
    return jdbc.sql("select count(*) from hour_entry where tenant_id = ?")
        .param(s.tenant().value())
        .query(Integer.class)
        .single();
  }

  @Test
  void hoursOnOwnConfirmedCommitmentAreLoggedPendingApproval() {
    Setup s = confirmedVolunteer();
    HourEntry entry = log(s, today.minusDays(1), 150).value();
    assertThat(entry.status()).isEqualTo(HourStatus.PENDING);
    assertThat(entry.hours()).isEqualTo(2.5);
    assertThat(entry.overAllowance()).isFalse();
  }

  @Test
  void zeroOrNegativeHoursAreRefusedAndNothingIsWritten() {
    Setup s = confirmedVolunteer();
    assertThat(log(s, today, 0).refusal().code()).isEqualTo(ReasonCode.HOURS_NOT_POSITIVE);
    assertThat(log(s, today, -60).refusal().code()).isEqualTo(ReasonCode.HOURS_NOT_POSITIVE);
    assertThat(entries(s)).isZero();
  }

  @Test
  void hoursMustBeQuarterHours() {
    Setup s = confirmedVolunteer();
    Outcome<HourEntry> o = log(s, today, 70);
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.HOURS_NOT_QUARTER);
    assertThat(o.refusal().message(Locale.FRENCH)).contains("1,17");
    assertThat(entries(s)).isZero();
  }

  @Test
  void anEntryOfMoreThanADayIsRefusedHoweverLarge() {
    Setup s = confirmedVolunteer();
    tenants.change(s.tenant(), PolicyChange.none().allowance(2000));
    assertThat(log(s, today, 60).isDone()).isTrue();
    // Added to the hours already logged that day, this would wrap around an int and look small.
    for (int minutes : new int[] {24 * 60 + 15, 1_000_000_000, Integer.MAX_VALUE - 59}) {
      Outcome<HourEntry> o = log(s, today, minutes);
      assertThat(o.refusal().code()).as("%d min", minutes).isEqualTo(ReasonCode.HOURS_OVER_DAY);
    }
    assertThat(entries(s)).isEqualTo(1);
  }

  @Test
  void aDayHoldsAtMostTwentyFourHoursAcrossEntries() {
    Setup s = confirmedVolunteer();
    tenants.change(s.tenant(), PolicyChange.none().allowance(100));
    assertThat(log(s, today, 20 * 60).isDone()).isTrue();
    Outcome<HourEntry> o = log(s, today, 5 * 60);
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.HOURS_OVER_DAY);
    assertThat(o.refusal().message(Locale.ENGLISH)).contains("25 h on");
    assertThat(log(s, today, 4 * 60).isDone()).isTrue();
    assertThat(entries(s)).isEqualTo(2);
  }

  @Test
  void hoursInTheFutureAreRefusedWithTheDateInTheUsersLanguage() {
    Setup s = confirmedVolunteer();
    Outcome<HourEntry> o = log(s, today.plusDays(1), 60);
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.HOURS_IN_FUTURE);
    assertThat(o.refusal().message(Locale.FRENCH)).contains("n'est pas encore passé");
    assertThat(entries(s)).isZero();
  }

  @Test
  void hoursBeforeTheMissionsFirstSessionAreRefused() {
    Setup s = confirmedVolunteer();
    Outcome<HourEntry> o = log(s, s.mission().firstDate().minusDays(1), 60);
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.HOURS_BEFORE_MISSION);
    assertThat(log(s, s.mission().firstDate(), 60).isDone()).isTrue();
  }

  @Test
  void hoursOnSomeoneElsesCommitmentAreRefused() {
    Setup s = confirmedVolunteer();
    Employee bob = fixtures.person(s.tenant(), "Bob");
    Outcome<HourEntry> o =
        hours.log(
            s.tenant(), bob.id(), HoursRequest.onWorkTime(s.commitment().id(), today, 60, ""));
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.NOT_YOURS);
    assertThat(entries(s)).isZero();
  }

  @Test
  void hoursOnAWaitlistedOrCancelledCommitmentAreRefused() {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    Employee first = fixtures.person(tenant, "First");
    Employee second = fixtures.person(tenant, "Second");
    commitments.commit(tenant, first.id(), mission.id(), false).value();
    Commitment waitlisted = commitments.commit(tenant, second.id(), mission.id(), false).value();
    assertThat(
            hours
                .log(tenant, second.id(), HoursRequest.onWorkTime(waitlisted.id(), today, 60, ""))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.COMMITMENT_NOT_ACTIVE);
  }

  @Test
  void workTimeOverTheAllowanceIsRefusedWhenThePolicyRefuses() {
    Setup s = confirmedVolunteer();
    tenants.change(
        s.tenant(), PolicyChange.none().allowance(3).overAllowance(OverAllowance.REFUSE));
    assertThat(log(s, today, 120).isDone()).isTrue();
    Outcome<HourEntry> o = log(s, today.minusDays(1), 120);
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.HOURS_OVER_ALLOWANCE);
    assertThat(o.refusal().message(Locale.ENGLISH)).contains("1 h left of 3 h");
    Outcome<HourEntry> personalTime =
        hours.log(
            s.tenant(),
            s.volunteer().id(),
            new HoursRequest(s.commitment().id(), today.minusDays(1), 120, false, ""));
    assertThat(personalTime.isDone()).isTrue();
  }

  @Test
  void workTimeOverTheAllowanceIsAcceptedAndFlaggedWhenThePolicyFlags() {
    Setup s = confirmedVolunteer();
    tenants.change(s.tenant(), PolicyChange.none().allowance(1).overAllowance(OverAllowance.FLAG));
    HourEntry entry = log(s, today, 120).value();
    assertThat(entry.overAllowance()).isTrue();
  }

  @Test
  void theCountryOfTheSiteOverridesTheAllowance() {
    Setup s = confirmedVolunteer();
    tenants.change(s.tenant(), PolicyChange.none().allowance(1));
    tenants.override(
        s.tenant(), new CountryOverride("FR", new java.math.BigDecimal("10"), null, null, null));
    assertThat(log(s, today, 120).refusal().code()).isEqualTo(ReasonCode.HOURS_OVER_ALLOWANCE);
    people.setWorkplace(s.tenant(), s.volunteer().id(), "Metz", "Finance", "FR");
    assertThat(log(s, today, 120).isDone()).isTrue();
  }

  @Test
  void concurrentEntriesCannotSpendTheAllowanceTwice() throws Exception {
    Setup s = confirmedVolunteer();
    tenants.change(
        s.tenant(), PolicyChange.none().allowance(10).overAllowance(OverAllowance.REFUSE));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome<HourEntry>>> futures = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      LocalDate day = today;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                // Confirmed repeats: the allowance, not the same-hours question, is under test.
                return hours.logAgain(
                    s.tenant(),
                    s.volunteer().id(),
                    HoursRequest.onWorkTime(s.commitment().id(), day, 60, "note"));
              }));
    }
    go.countDown();
    int done = 0;
    for (Future<Outcome<HourEntry>> f : futures) {
      done += f.get().isDone() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(done).isEqualTo(10);
    assertThat(hours.year(s.tenant(), s.volunteer().id(), today.getYear()).workTimeMinutes())
        .isEqualTo(600);
  }

  @Test
  void aCsrManagerApprovesOnceAndRejectedHoursStopCounting() {
    Setup s = confirmedVolunteer();
    Employee csr = fixtures.person(s.tenant(), "Claire");
    people.bootstrap(s.tenant(), csr.id(), Role.CSR_MANAGER);
    HourEntry a = log(s, today, 60).value();
    HourEntry b = log(s, today.minusDays(1), 120).value();
    assertThat(hours.pending(s.tenant(), csr.id(), 10))
        .extracting(PendingHours::id)
        .containsExactly(a.id(), b.id());
    assertThat(hours.approve(s.tenant(), csr.id(), a.id()).value().status())
        .isEqualTo(HourStatus.APPROVED);
    assertThat(hours.approve(s.tenant(), csr.id(), a.id()).refusal().code())
        .isEqualTo(ReasonCode.HOURS_ALREADY_DECIDED);
    assertThat(hours.reject(s.tenant(), csr.id(), b.id(), " ").refusal().code())
        .isEqualTo(ReasonCode.REASON_REQUIRED);
    assertThat(hours.reject(s.tenant(), csr.id(), b.id(), "x".repeat(501)).refusal().code())
        .isEqualTo(ReasonCode.NOTE_TOO_LONG);
    assertThat(hours.find(s.tenant(), b.id()).orElseThrow().status()).isEqualTo(HourStatus.PENDING);
    assertThat(
            hours
                .reject(s.tenant(), csr.id(), b.id(), "Not on the mission that day")
                .value()
                .status())
        .isEqualTo(HourStatus.REJECTED);
    assertThat(hours.decisionNote(s.tenant(), b.id())).contains("Not on the mission that day");
    assertThat(
            jdbc.sql(
                    """
                    select employee_id, kind, payload from notification
                    where tenant_id = ? and employee_id = ? order by id""")
                .params(s.tenant().value(), s.volunteer().id())
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .list())
        .containsExactly(
            s.volunteer().id() + " HOURS_APPROVED " + a.id(),
            s.volunteer().id() + " HOURS_REJECTED " + b.id());
    YearOfHours year = hours.year(s.tenant(), s.volunteer().id(), today.getYear());
    assertThat(year.approvedMinutes()).isEqualTo(60);
    assertThat(year.workTimeMinutes()).isEqualTo(60);
    assertThat(year.allowanceLeftMinutes()).isEqualTo(40 * 60 - 60);
  }

  @Test
  void theSameHoursTwiceAreQuestionedAndLoggedOnlyWhenConfirmed() {
    Setup s = confirmedVolunteer();
    assertThat(log(s, today.minusDays(1), 180).isDone()).isTrue();
    Outcome<HourEntry> again = log(s, today.minusDays(1), 180);
    assertThat(again.refusal().code()).isEqualTo(ReasonCode.HOURS_ALREADY_LOGGED);
    assertThat(again.refusal().message(Locale.ENGLISH)).startsWith("You already logged 3 h on ");
    assertThat(entries(s)).isEqualTo(1);
    // Another amount or another day is not the same hours.
    assertThat(log(s, today.minusDays(1), 60).isDone()).isTrue();
    assertThat(log(s, today, 180).isDone()).isTrue();
    assertThat(
            hours
                .logAgain(
                    s.tenant(),
                    s.volunteer().id(),
                    HoursRequest.onWorkTime(s.commitment().id(), today.minusDays(1), 180, ""))
                .isDone())
        .isTrue();
    assertThat(entries(s)).isEqualTo(4);
  }

  @Test
  void anEmployeeCannotApproveHoursOrTheirOwn() {
    Setup s = confirmedVolunteer();
    HourEntry a = log(s, today, 60).value();
    Employee colleague = fixtures.person(s.tenant(), "Colleague");
    assertThat(hours.approve(s.tenant(), colleague.id(), a.id()).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    people.bootstrap(s.tenant(), s.volunteer().id(), Role.CSR_MANAGER);
    assertThat(hours.approve(s.tenant(), s.volunteer().id(), a.id()).refusal().code())
        .isEqualTo(ReasonCode.SELF_APPROVAL);
  }
}
