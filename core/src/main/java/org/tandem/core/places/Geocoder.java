package org.tandem.core.places;

import java.util.List;
import java.util.Optional;

/**
 * Turns what a person typed into a place. The offline {@link Gazetteer} implements it; a real
 * geocoding service can replace it by providing another bean.
 */
public interface Geocoder {

  /** The best place for the query, preferring the given country when names are shared. */
  Optional<Place> locate(String query, String preferredCountry);

  /** Places whose name starts with the query, best first, for autocompletion. */
  List<Place> suggest(String prefix, String preferredCountry, int limit);
}
