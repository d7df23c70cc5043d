package org.tandem.core.common;

/**
 * What a use case answers: it was done, or it was refused with a reason. A refusal changes nothing,
 * so callers can show its message and move on.
 */
public sealed interface Outcome<T> {

  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Outcome<T> refused(ReasonCode code, Object... args) {
    return new Refused<>(new Refusal(code, args));
  }

  /** Refused because of the value of one field of a form. */
  static <T> Outcome<T> refusedOn(String field, ReasonCode code, Object... args) {
    return new Refused<>(Refusal.on(field, code, args));
  }

  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  default boolean isDone() {
    return this instanceof Done<T>;
  }

  /** The value when done; throws when refused (tests and code that already checked). */
  default T value() {
    if (this instanceof Done<T> done) {
      return done.result();
    }
    throw new IllegalStateException("refused: " + ((Refused<T>) this).refusal());
  }

  /** The refusal when refused; throws when done. */
  default Refusal refusal() {
    if (this instanceof Refused<T> refused) {
      return refused.reason();
    }
    throw new IllegalStateException("not refused");
  }

  /** The use case did what was asked. */
  record Done<T>(T result) implements Outcome<T> {}

  /** The use case refused and changed nothing. */
  record Refused<T>(Refusal reason) implements Outcome<T> {}
}
