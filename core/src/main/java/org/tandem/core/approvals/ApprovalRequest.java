package org.tandem.core.approvals;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commitment or hour entry put to an approver: its employee, its line manager ({@code
 * approverId}, null when the CSR managers were asked at once) and when it was asked.
 */
public record ApprovalRequest(
    long id, Subject subject, long subjectId, long employeeId, Long approverId, Instant askedAt) {

  /** What waits for a decision. */
  public enum Subject {
    COMMITMENT,
    HOURS
  }

  /** Why the CSR managers are asked rather than (or after) the line manager. */
  public enum Escalation {
    /** The person has no line manager in the directory. */
    NO_MANAGER,
    /** The line manager left it 5 working days. */
    WAITED,
    /** No channel reaches the line manager. */
    UNREACHABLE,
    /** Teams: the company did not grant Tandem the right to install itself for the manager. */
    NOT_GRANTED,
    /** Teams: the manager has no Azure AD id Tandem knows, so it cannot be installed for them. */
    NO_AAD_ID
  }

  /** An outbox payload: {@code COMMITMENT:42}, or {@code HOURS:7:WAITED} for an escalation. */
  public record Payload(Subject subject, long subjectId, Optional<Escalation> why) {

    private static final Pattern FORM =
        Pattern.compile("(COMMITMENT|HOURS):(\\d{1,18})(?::(\\w+))?");

    public static Optional<Payload> parse(String payload) {
      Matcher m = FORM.matcher(payload == null ? "" : payload);
      if (!m.matches()) {
        return Optional.empty();
      }
      Optional<Escalation> why = Optional.empty();
      if (m.group(3) != null) {
        try {
          why = Optional.of(Escalation.valueOf(m.group(3)));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
      return Optional.of(new Payload(Subject.valueOf(m.group(1)), Long.parseLong(m.group(2)), why));
    }

    @Override
    public String toString() {
      return subject + ":" + subjectId + why.map(w -> ":" + w).orElse("");
    }
  }
}
