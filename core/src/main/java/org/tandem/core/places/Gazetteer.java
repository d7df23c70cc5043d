package org.tandem.core.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.tandem.core.text.SearchText;

/**
 * The offline gazetteer: about 9,400 places of France, Luxembourg and the Belgian and German
 * border, from GeoNames (CC-BY 4.0, see {@code places/NOTICE.txt}), held in memory and looked up
 * without accents, case or punctuation.
 */
@Component
public class Gazetteer implements Geocoder {

  static final String RESOURCE = "/places/cities_FR_LU_BE-DE-border.json";

  /**
   * The gazetteer has no population, so "esch" could be Esch-sur-Alzette or Esch-sur-Sûre: the
   * region's main towns, which people mean when they type the start of their name, come first.
   */
  static final java.util.Set<String> PROMINENT =
      java.util.Set.of(
          "luxembourg",
          "esch sur alzette",
          "differdange",
          "dudelange",
          "ettelbruck",
          "diekirch",
          "wiltz",
          "echternach",
          "grevenmacher",
          "remich",
          "mersch",
          "metz",
          "thionville",
          "nancy",
          "strasbourg",
          "paris",
          "lyon",
          "marseille",
          "lille",
          "toulouse",
          "bordeaux",
          "nantes",
          "arlon",
          "trier",
          "saarbrucken",
          "longwy",
          "sarreguemines",
          "forbach");

  private final Map<String, List<Place>> byName = new HashMap<>();
  private final TreeMap<String, List<Place>> sorted = new TreeMap<>();

  public Gazetteer() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing gazetteer resource " + RESOURCE);
      }
      for (JsonNode n : new ObjectMapper().readTree(in)) {
        Place p =
            new Place(
                n.get("name").asText(),
                n.get("country").asText(),
                n.path("admin1").asText(""),
                Double.parseDouble(n.get("lat").asText()),
                Double.parseDouble(n.get("lng").asText()));
        String key = SearchText.fold(p.name());
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        String alias = saintAlias(key);
        if (alias != null) {
          byName.computeIfAbsent(alias, k -> new ArrayList<>()).add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sorted.putAll(byName);
  }

  /** "st avold" finds Saint-Avold, "ste marie" finds Sainte-Marie. */
  private static String saintAlias(String key) {
    if (key.startsWith("saint ")) {
      return "st " + key.substring(6);
    }
    if (key.startsWith("sainte ")) {
      return "ste " + key.substring(7);
    }
    return null;
  }

  /** Every place, in name order (each once). */
  public List<Place> all() {
    return sorted.values().stream().flatMap(List::stream).distinct().toList();
  }

  public int size() {
    return byName.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public Optional<Place> locate(String query, String preferredCountry) {
    String key = SearchText.fold(stripCountrySuffix(query));
    String country = countryIn(query, preferredCountry);
    List<Place> exact = byName.get(key);
    if (exact != null) {
      return exact.stream().min(preference(country));
    }
    return suggest(query, preferredCountry, 1).stream().findFirst();
  }

  @Override
  public List<Place> suggest(String prefix, String preferredCountry, int limit) {
    String key = SearchText.fold(stripCountrySuffix(prefix));
    if (key.isEmpty() || limit <= 0) {
      return List.of();
    }
    String country = countryIn(prefix, preferredCountry);
    List<Place> found = new ArrayList<>();
    for (Map.Entry<String, List<Place>> e : sorted.tailMap(key, true).entrySet()) {
      if (!e.getKey().startsWith(key)) {
        break;
      }
      for (Place p : e.getValue()) {
        if (!found.contains(p)) {
          found.add(p);
        }
      }
      if (found.size() >= limit * 20) {
        break;
      }
    }
    Comparator<Place> order =
        Comparator.comparing((Place p) -> !SearchText.fold(p.name()).equals(key))
            .thenComparing(p -> !PROMINENT.contains(SearchText.fold(p.name())))
            .thenComparing(preference(country))
            .thenComparingInt(p -> p.name().length())
            .thenComparing(Place::name);
    return found.stream().sorted(order).limit(limit).toList();
  }

  /** Luxembourg first, then the preferred country, then its neighbours: Tandem's home region. */
  private static Comparator<Place> preference(String country) {
    return Comparator.comparingInt(
        p -> {
          if (country != null && p.country().equalsIgnoreCase(country)) {
            return 0;
          }
          return switch (p.country()) {
            case "LU" -> 1;
            case "FR" -> 2;
            case "BE" -> 3;
            default -> 4;
          };
        });
  }

  /** "Arlon, BE" or "Arlon (BE)" names the country explicitly. */
  private static String countryIn(String query, String fallback) {
    String q = query == null ? "" : query.strip();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\\s*[,(]\\s*(FR|LU|BE|DE)\\)?$").matcher(q);
    return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : fallback;
  }

  private static String stripCountrySuffix(String query) {
    return query == null ? "" : query.strip().replaceAll("(?i)\\s*[,(]\\s*(FR|LU|BE|DE)\\)?$", "");
  }
}
