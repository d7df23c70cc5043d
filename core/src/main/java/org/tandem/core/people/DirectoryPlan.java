package org.tandem.core.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tandem.core.common.Refusal;

/**
 * What a directory file changes: how many people it adds, updates or leaves as they are, and why
 * each refused line is refused. A preview's plan has the id its Confirm names; an applied plan says
 * what was done.
 */
public record DirectoryPlan(
    UUID id,
    String fileName,
    int toAdd,
    int toUpdate,
    int unchanged,
    List<LineError> errors,
    Instant expires) {

  public DirectoryPlan {
    errors = List.copyOf(errors);
  }

  /** A line of the file that is left out, and why (the refusal names its field when it can). */
  public record LineError(int line, Refusal reason) {}
}
