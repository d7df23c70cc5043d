package org.tandem.core.setup;

import java.util.Map;

/** Where a company's setup stands: each step done, skipped or still to do. */
public record Checklist(Map<Step, Status> steps) {

  public enum Status {
    DONE,
    SKIPPED,
    TO_DO
  }

  public Checklist {
    steps = Map.copyOf(steps);
  }

  public Status status(Step step) {
    return steps.getOrDefault(step, Status.TO_DO);
  }

  /** Every step done or skipped: the checklist no longer needs to be offered. */
  public boolean complete() {
    return steps.values().stream().noneMatch(s -> s == Status.TO_DO);
  }

  public long done() {
    return steps.values().stream().filter(s -> s != Status.TO_DO).count();
  }
}
