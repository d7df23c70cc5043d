package org.tandem.core.people;

import java.util.List;
import org.tandem.core.availability.Availability;
import org.tandem.core.places.Place;

/**
 * What the matcher knows of a person: skills (taxonomy codes), a home or work place, how far they
 * travel, whether they take remote missions, causes, languages (ISO 639-1) and availability.
 */
public record Profile(
    List<String> skills,
    Place place,
    int travelKm,
    boolean remoteOk,
    List<String> causes,
    List<String> languages,
    Availability availability) {

  public Profile {
    skills = List.copyOf(skills);
    causes = List.copyOf(causes);
    languages = List.copyOf(languages);
    if (travelKm < 0 || travelKm > 500) {
      throw new IllegalArgumentException("travel range must be 0-500 km, got " + travelKm);
    }
  }
}
