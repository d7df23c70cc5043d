package org.tandem.core.missions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What an edit did to a mission's sessions, session by session, so calendars update the events they
 * hold. An edit sends the whole new list of dates; each new date is paired with an old session:
 *
 * <ol>
 *   <li>a date that did not change (same start and end) keeps its session: same uid, same sequence,
 *       nobody is told;
 *   <li>the old sessions left and the new dates left are then paired in the order of their dates
 *       (the earliest old one with the earliest new one, and so on): each pair is a session that
 *       moved, keeping its uid with its sequence raised by one, so the event moves in calendars;
 *   <li>old sessions left over were removed (cancelled in calendars), new dates left over are new
 *       sessions with a new uid.
 * </ol>
 *
 * Pairing in date order keeps what a volunteer planned as "the second evening" the second evening
 * when the organiser shifts a series, and never makes two events out of one.
 */
public record SessionEdit(List<DatedSession> after, List<Moved> moved, List<DatedSession> removed) {

  /** A session that moved: {@code before} and {@code after} share a uid. */
  public record Moved(DatedSession before, DatedSession after) {}

  public SessionEdit {
    after = List.copyOf(after);
    moved = List.copyOf(moved);
    removed = List.copyOf(removed);
  }

  /** The new sessions of a mission that had {@code before}, when an edit sets {@code next}. */
  public static SessionEdit of(List<DatedSession> before, List<Session> next) {
    List<DatedSession> oldLeft = new ArrayList<>(before);
    List<Session> newLeft = new ArrayList<>();
    List<DatedSession> after = new ArrayList<>();
    for (Session s : next) {
      DatedSession same =
          oldLeft.stream()
              .filter(o -> o.startsAt().equals(s.startsAt()) && o.endsAt().equals(s.endsAt()))
              .findFirst()
              .orElse(null);
      if (same != null) {
        oldLeft.remove(same);
        after.add(same);
      } else {
        newLeft.add(s);
      }
    }
    oldLeft.sort(Comparator.comparing(DatedSession::startsAt));
    newLeft.sort(Comparator.comparing(Session::startsAt));
    List<Moved> moved = new ArrayList<>();
    int pairs = Math.min(oldLeft.size(), newLeft.size());
    for (int i = 0; i < pairs; i++) {
      DatedSession o = oldLeft.get(i);
      Session n = newLeft.get(i);
      DatedSession m = new DatedSession(o.uid(), o.sequence() + 1, n.startsAt(), n.endsAt());
      moved.add(new Moved(o, m));
      after.add(m);
    }
    for (Session n : newLeft.subList(pairs, newLeft.size())) {
      after.add(new DatedSession(UUID.randomUUID(), 0, n.startsAt(), n.endsAt()));
    }
    after.sort(Comparator.comparing(DatedSession::startsAt));
    return new SessionEdit(after, moved, oldLeft.subList(pairs, oldLeft.size()));
  }
}
