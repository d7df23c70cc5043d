package org.tandem.core.proposals;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.hours.HourEntry;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.tenants.TenantId;

/**
 * A volunteer's answer to hours proposed after a session: confirm them, correct them, or say they
 * did not go. Only the person they were proposed to may answer (a crafted button for someone else's
 * is refused), and once: a second answer is refused, except a correction or "I did not go" after
 * the proposal stood, which replaces the hours Tandem logged for them. Hours go through {@link
 * Hours#log}, so its rules (allowance, approval, one day's limit) apply and a refusal of theirs
 * changes nothing here either.
 */
@Service
public class ProposalAnswers {

  /** What an answer came to: the proposal as it is now, and the hours it logged (or null). */
  public record Answer(HoursProposal proposal, HourEntry entry) {}

  private final JdbcClient jdbc;
  private final Hours hours;

  ProposalAnswers(JdbcClient jdbc, Hours hours) {
    this.jdbc = jdbc;
    this.hours = hours;
  }

  /** The proposed hours, logged as proposed. */
  @Transactional
  public Outcome<Answer> confirm(TenantId tenant, long employeeId, long proposalId, Instant now) {
    Outcome<HoursProposal> open = open(tenant, employeeId, proposalId, false);
    if (!open.isDone()) {
      return Outcome.refused(open.refusal());
    }
    HoursProposal p = open.value();
    return log(tenant, employeeId, p, p.minutes(), "", ProposalState.CONFIRMED, now);
  }

  /** Other hours than proposed for that session, with a note, logged instead. */
  @Transactional
  public Outcome<Answer> correct(
      TenantId tenant, long employeeId, long proposalId, int minutes, String note, Instant now) {
    Outcome<HoursProposal> open = open(tenant, employeeId, proposalId, true);
    if (!open.isDone()) {
      return Outcome.refused(open.refusal());
    }
    HoursProposal p = open.value();
    // The hours that stood go before the corrected ones are checked (they would count against the
    // day and the allowance), and come back if those are refused: a refusal changes nothing. A
    // savepoint, not the transaction: a caller's transaction may go on (the inbox's).
    // (The JPA transaction manager offers no nested transactions: a savepoint in SQL.)
    jdbc.sql("savepoint proposal_correction").update();
    withdrawStood(tenant, p);
    Outcome<Answer> o = log(tenant, employeeId, p, minutes, note, ProposalState.CORRECTED, now);
    jdbc.sql(
            o.isDone()
                ? "release savepoint proposal_correction"
                : "rollback to savepoint proposal_correction")
        .update();
    return o;
  }

  /** "I did not go": no hours (those that stood are withdrawn), a no-show in reports. */
  @Transactional
  public Outcome<Answer> didNotGo(TenantId tenant, long employeeId, long proposalId, Instant now) {
    Outcome<HoursProposal> open = open(tenant, employeeId, proposalId, true);
    if (!open.isDone()) {
      return Outcome.refused(open.refusal());
    }
    HoursProposal p = open.value();
    withdrawStood(tenant, p);
    ProposalRows.settle(jdbc, tenant, p.id(), ProposalState.NO_SHOW, null, null, now);
    return Outcome.done(new Answer(ProposalRows.find(jdbc, tenant, p.id()).orElseThrow(), null));
  }

  /**
   * The proposal, if this person may correct it now (asked before the correction form is shown, so
   * a crafted button for someone else's proposal, or one already answered, is refused at once).
   */
  @Transactional(readOnly = true)
  public Outcome<HoursProposal> correctable(TenantId tenant, long employeeId, long proposalId) {
    Optional<HoursProposal> found = ProposalRows.find(jdbc, tenant, proposalId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return check(found.get(), employeeId, true);
  }

  private static Outcome<HoursProposal> check(
      HoursProposal p, long employeeId, boolean afterStanding) {
    if (p.employeeId() != employeeId) {
      return Outcome.refused(ReasonCode.PROPOSAL_NOT_YOURS);
    }
    boolean open =
        p.state() == ProposalState.PROPOSED || (afterStanding && p.state() == ProposalState.STOOD);
    if (!open) {
      return Outcome.refused(ReasonCode.PROPOSAL_ANSWERED, p.state().name());
    }
    return Outcome.done(p);
  }

  /** The proposal, locked, if this person may answer it now. */
  private Outcome<HoursProposal> open(
      TenantId tenant, long employeeId, long proposalId, boolean afterStanding) {
    Optional<HoursProposal> found = ProposalRows.lock(jdbc, tenant, proposalId);
    if (found.isEmpty()) {
      return Outcome.refused(ReasonCode.NOT_FOUND);
    }
    return check(found.get(), employeeId, afterStanding);
  }

  private Outcome<Answer> log(
      TenantId tenant,
      long employeeId,
      HoursProposal p,
      int minutes,
      String note,
      ProposalState state,
      Instant now) {
    Outcome<HourEntry> logged =
        hours.log(
            tenant, employeeId, new HoursRequest(p.commitmentId(), p.date(), minutes, true, note));
    if (!logged.isDone()) {
      return Outcome.refused(logged.refusal());
    }
    ProposalRows.settle(jdbc, tenant, p.id(), state, logged.value().id(), null, now);
    return Outcome.done(
        new Answer(ProposalRows.find(jdbc, tenant, p.id()).orElseThrow(), logged.value()));
  }

  /**
   * The hours Tandem logged when the proposal stood go, so the person's answer replaces them (they
   * were never the person's own entry); rejected ones stay, as the approver's decision.
   */
  private void withdrawStood(TenantId tenant, HoursProposal p) {
    if (p.state() == ProposalState.STOOD && p.hourEntryId() != null) {
      jdbc.sql("delete from hour_entry where tenant_id = ? and id = ? and status <> 'REJECTED'")
          .params(tenant.value(), p.hourEntryId())
          .update();
      jdbc.sql("update hours_proposal set hour_entry_id = null where tenant_id = ? and id = ?")
          .params(tenant.value(), p.id())
          .update();
    }
  }
}
