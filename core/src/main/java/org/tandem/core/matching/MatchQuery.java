package org.tandem.core.matching;

import java.time.LocalDate;
import org.tandem.core.causes.Cause;
import org.tandem.core.places.Place;

/**
 * What the employee asked for on top of their profile: near a place other than theirs, remote only,
 * one cause, one skill, missions with a session between two dates. Null means no filter.
 */
public record MatchQuery(
    Place near, boolean remoteOnly, Cause cause, String skill, LocalDate from, LocalDate to) {

  public static MatchQuery profileOnly() {
    return new MatchQuery(null, false, null, null, null, null);
  }

  public MatchQuery near(Place place) {
    return new MatchQuery(place, remoteOnly, cause, skill, from, to);
  }

  public MatchQuery onlyRemote() {
    return new MatchQuery(near, true, cause, skill, from, to);
  }

  public MatchQuery cause(Cause c) {
    return new MatchQuery(near, remoteOnly, c, skill, from, to);
  }

  public MatchQuery skill(String code) {
    return new MatchQuery(near, remoteOnly, cause, code, from, to);
  }

  public MatchQuery between(LocalDate first, LocalDate last) {
    return new MatchQuery(near, remoteOnly, cause, skill, first, last);
  }
}
