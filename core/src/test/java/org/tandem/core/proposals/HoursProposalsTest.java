package org.tandem.core.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.associations.Association;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.hours.HourStatus;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.people.Employee;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;
import org.tandem.core.reports.Roster;
import org.tandem.core.reports.Rosters;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.ProposalDefault;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * Hours proposed after a session, in core: who gets a proposal, the jobs run twice, the answers
 * (and who may give them), what stands after the window, and no-shows in reports and the roster.
 * Sessions lie in the past (the day before yesterday, 18:00-21:00, and yesterday): the volunteers
 * committed before them (their commitments are dated back, as imported history is).
 */
@DatabaseTest
class HoursProposalsTest {

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired Tenants tenants;
  @Autowired Proposals proposals;
  @Autowired ProposalAnswers answers;
  @Autowired Reports reports;
  @Autowired Rosters rosters;
  @Autowired JdbcClient jdbc;

  // PostgreSQL keeps microseconds.
  private final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  private final LocalDate today = LocalDate.now(Fixtures.LUXEMBOURG);

  private record Setup(TenantId tenant, Mission mission, Employee csr) {}

  /** A company of the install, a mission of two past evenings and one next week. */
  private Setup company() {
    Fixtures.Installed c = fixtures.slackInstall(Locale.ENGLISH);
    tenants.change(c.tenant(), PolicyChange.none().allowance(40).hoursApproval(true));
    Association a =
        fixtures.association(c.tenant(), "Food bank " + System.nanoTime(), Cause.FOOD_AID);
    Mission m =
        fixtures.mission(
            c.tenant(),
            Fixtures.draft(
                a.id(),
                "Sorting day",
                List.of("accounting"),
                MissionMode.ONSITE,
                fixtures.place("Esch-sur-Alzette"),
                5,
                Fixtures.evening(-2),
                Fixtures.evening(-1),
                Fixtures.evening(6)));
    return new Setup(c.tenant(), m, c.admin());
  }

  private Commitment volunteer(Setup s, Employee e) {
    Commitment c = commitments.commit(s.tenant(), e.id(), s.mission().id(), false).value();
    jdbc.sql("update commitment set created_at = now() - interval '3 days' where id = ?")
        .param(c.id())
        .update();
    return c;
  }

  private List<HoursProposal> of(Setup s, Employee e) {
    return jdbc.sql(
            ProposalRows.SELECT + " where tenant_id = ? and employee_id = ? order by work_date")
        .params(s.tenant().value(), e.id())
        .query(ProposalRows::row)
        .list();
  }

  private int notifications(Setup s, String kind) {
    return jdbc.sql("select count(*) from notification where tenant_id = ? and kind = ?")
        .params(s.tenant().value(), kind)
        .query(Integer.class)
        .single();
  }

  @Test
  void eachEndedSessionIsProposedOnceToWhoeverLoggedNothingThatDay() {
    Setup s = company();
    Employee ana = fixtures.person(s.tenant(), "Ana");
    Employee ben = fixtures.person(s.tenant(), "Ben");
    Employee late = fixtures.person(s.tenant(), "Late");
    volunteer(s, ana);
    Commitment benC = volunteer(s, ben);
    // Committed today: the sessions had ended, nothing to propose.
    commitments.commit(s.tenant(), late.id(), s.mission().id(), false).value();
    hours.log(
        s.tenant(), ben.id(), HoursRequest.onWorkTime(benC.id(), today.minusDays(1), 120, ""));

    proposals.proposeEnded(now);
    proposals.proposeEnded(now);

    List<HoursProposal> anas = of(s, ana);
    assertThat(anas)
        .extracting(HoursProposal::date)
        .containsExactly(today.minusDays(2), today.minusDays(1));
    assertThat(anas).allSatisfy(p -> assertThat(p.minutes()).isEqualTo(180));
    assertThat(of(s, ben)).extracting(HoursProposal::date).containsExactly(today.minusDays(2));
    assertThat(of(s, late)).isEmpty();
    assertThat(notifications(s, "HOURS_PROPOSED")).isEqualTo(3);
  }

  @Test
  void confirmingLogsTheProposedHoursOnceAndOnlyItsOwnerMayAnswer() {
    Setup s = company();
    Employee ana = fixtures.person(s.tenant(), "Ana");
    Employee ben = fixtures.person(s.tenant(), "Ben");
    volunteer(s, ana);
    proposals.proposeEnded(now);
    HoursProposal p = of(s, ana).get(0);

    Outcome<ProposalAnswers.Answer> crafted = answers.confirm(s.tenant(), ben.id(), p.id(), now);
    assertThat(crafted.refusal().code()).isEqualTo(ReasonCode.PROPOSAL_NOT_YOURS);
    assertThat(answers.didNotGo(s.tenant(), ben.id(), p.id(), now).refusal().code())
        .isEqualTo(ReasonCode.PROPOSAL_NOT_YOURS);

    ProposalAnswers.Answer done = answers.confirm(s.tenant(), ana.id(), p.id(), now).value();
    assertThat(done.entry().minutes()).isEqualTo(180);
    assertThat(done.entry().status()).isEqualTo(HourStatus.PENDING);
    assertThat(done.proposal().state()).isEqualTo(ProposalState.CONFIRMED);
    Outcome<ProposalAnswers.Answer> again = answers.confirm(s.tenant(), ana.id(), p.id(), now);
    assertThat(again.refusal().code()).isEqualTo(ReasonCode.PROPOSAL_ANSWERED);
    assertThat(again.refusal().message(Locale.FRENCH))
        .isEqualTo(
            "Vous avez déjà répondu pour cette séance (heures confirmées)\u00a0: rien n'a changé.");
    assertThat(hours.ofEmployee(s.tenant(), ana.id(), p.date().getYear())).hasSize(1);
  }

  @Test
  void aCorrectionIsLoggedUnderTheUsualRulesAndARefusalChangesNothing() {
    Setup s = company();
    Employee ana = fixtures.person(s.tenant(), "Ana");
    volunteer(s, ana);
    proposals.proposeEnded(now);
    HoursProposal p = of(s, ana).get(0);

    Outcome<ProposalAnswers.Answer> over =
        answers.correct(s.tenant(), ana.id(), p.id(), 41 * 60, "", now);
    assertThat(over.refusal().code()).isEqualTo(ReasonCode.HOURS_OVER_DAY);
    assertThat(proposals.find(s.tenant(), p.id()).orElseThrow().state())
        .isEqualTo(ProposalState.PROPOSED);

    ProposalAnswers.Answer fixed =
        answers.correct(s.tenant(), ana.id(), p.id(), 150, "Left early", now).value();
    assertThat(fixed.entry().minutes()).isEqualTo(150);
    assertThat(fixed.entry().note()).isEqualTo("Left early");
    assertThat(fixed.proposal().state()).isEqualTo(ProposalState.CORRECTED);
  }

  @Test
  void unansweredProposalsStandAfterThePolicysWindowAsHoursOrAsNothing() {
    Setup s = company();
    Employee ana = fixtures.person(s.tenant(), "Ana");
    volunteer(s, ana);
    proposals.proposeEnded(now);
    HoursProposal first = of(s, ana).get(0);
    assertThat(first.standsAt()).isEqualTo(now.plus(Duration.ofDays(3)));

    proposals.standDue(now.plus(Duration.ofDays(3)).minusSeconds(1));
    assertThat(proposals.find(s.tenant(), first.id()).orElseThrow().state())
        .isEqualTo(ProposalState.PROPOSED);

    answers.confirm(s.tenant(), ana.id(), of(s, ana).get(1).id(), now).value();
    proposals.standDue(now.plus(Duration.ofDays(3)));
    proposals.standDue(now.plus(Duration.ofDays(3)));
    HoursProposal stood = proposals.find(s.tenant(), first.id()).orElseThrow();
    assertThat(stood.state()).isEqualTo(ProposalState.STOOD);
    assertThat(hours.find(s.tenant(), stood.hourEntryId()).orElseThrow().status())
        .isEqualTo(HourStatus.PENDING);
    assertThat(notifications(s, "HOURS_STOOD")).isEqualTo(1);

    // Corrected after it stood: the hours Tandem logged are replaced, not added to.
    answers.correct(s.tenant(), ana.id(), first.id(), 60, "", now).value();
    assertThat(hours.ofEmployee(s.tenant(), ana.id(), first.date().getYear()))
        .extracting(e -> e.minutes())
        .containsExactlyInAnyOrder(60, 180);

    // A company where nothing stands.
    Setup other = company();
    tenants.change(other.tenant(), PolicyChange.none().proposals(5, ProposalDefault.NOTHING));
    Employee ben = fixtures.person(other.tenant(), "Ben");
    volunteer(other, ben);
    proposals.proposeEnded(now);
    HoursProposal bens = of(other, ben).get(0);
    assertThat(bens.standsAt()).isEqualTo(now.plus(Duration.ofDays(5)));
    proposals.standDue(now.plus(Duration.ofDays(5)));
    HoursProposal nothing = proposals.find(other.tenant(), bens.id()).orElseThrow();
    assertThat(nothing.state()).isEqualTo(ProposalState.STOOD);
    assertThat(nothing.hourEntryId()).isNull();
    assertThat(hours.ofEmployee(other.tenant(), ben.id(), bens.date().getYear())).isEmpty();
  }

  @Test
  void iDidNotGoIsANoShowInTheReportAndTheRoster() {
    Setup s = company();
    Employee ana = fixtures.person(s.tenant(), "Ana");
    volunteer(s, ana);
    proposals.proposeEnded(now);
    List<HoursProposal> anas = of(s, ana);
    answers.confirm(s.tenant(), ana.id(), anas.get(0).id(), now).value();
    ProposalAnswers.Answer missed =
        answers.didNotGo(s.tenant(), ana.id(), anas.get(1).id(), now).value();
    assertThat(missed.entry()).isNull();
    assertThat(missed.proposal().state()).isEqualTo(ProposalState.NO_SHOW);

    Period period = new Period(YearMonth.from(today.minusDays(3)), YearMonth.from(today));
    Report report = reports.compute(s.tenant(), period, Dimension.MISSION);
    assertThat(report.totals().noShows()).isEqualTo(1);
    assertThat(report.groups()).extracting(g -> g.figures().noShows()).containsExactly(1);
    Report byMonth = reports.compute(s.tenant(), period, Dimension.SITE);
    assertThat(byMonth.totals().noShows()).isEqualTo(1);

    Roster roster = rosters.roster(s.tenant(), s.csr().id(), s.mission().id(), "test").value();
    assertThat(roster.entries()).extracting(Roster.Entry::noShows).containsExactly(1);
  }

  @Test
  void theWindowIsADayToAMonthOnItsField() {
    Setup s = company();
    var refused =
        tenants.changePolicy(
            s.tenant(), s.csr().id(), PolicyChange.none().proposals(0, ProposalDefault.HOURS));
    assertThat(refused.refusal().code()).isEqualTo(ReasonCode.PROPOSAL_WINDOW_OUT_OF_RANGE);
    assertThat(refused.refusal().field()).isEqualTo("proposalWindow");
    assertThat(refused.refusal().message(Locale.GERMAN)).contains("von 1 bis 30");
    assertThat(
            tenants
                .changePolicy(
                    s.tenant(),
                    s.csr().id(),
                    PolicyChange.none().proposals(30, ProposalDefault.NOTHING))
                .value()
                .policy()
                .proposalDefault())
        .isEqualTo(ProposalDefault.NOTHING);
  }
}
