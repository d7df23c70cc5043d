package org.tandem.bot.conversation.missions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.causes.Cause;
import org.tandem.core.matching.MatchQuery;
import org.tandem.core.places.Geocoder;
import org.tandem.core.places.Place;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.text.SearchText;

/**
 * What someone asked for when looking for missions, read from "near Esch remote this week", "à
 * distance santé", "in der Nähe von Trier diesen Monat". It travels in buttons as text, so "show
 * more" repeats the same search.
 */
record MissionRequest(String text, MatchQuery query, String unknownPlace) {

  private static final Pattern NEAR =
      Pattern.compile(
          "\\b(near|around|in|close to|pres de|pres d|autour de|a cote de|vers|a|bei|nahe|in der nahe von|um)\\s+([\\p{L}][\\p{L} ]{1,40}?)(?=\\s+(?:remote|a distance|this|cette|ce|diese|diesen|next|with|avec|mit|for|pour|fur)\\b|$)");
  private static final Pattern REMOTE =
      Pattern.compile(
          "\\b(remote|from home|a distance|teletravail|depuis chez moi|von zu hause|homeoffice|online|en ligne)\\b");
  private static final Pattern THIS_WEEK =
      Pattern.compile("\\b(this week|cette semaine|diese woche)\\b");
  private static final Pattern THIS_MONTH =
      Pattern.compile("\\b(this month|ce mois|ce mois ci|diesen monat)\\b");

  /** Little words that may precede a place or not: "à Esch", but also "une mission à faire". */
  private static final java.util.Set<String> WEAK = java.util.Set.of("in", "a", "vers", "um");

  private static final Map<String, String> NOISE =
      Map.of("missions", "", "mission", "", "find", "", "trouve", "", "cherche", "", "suche", "");

  static MissionRequest read(
      String text, LocalDate today, Geocoder geocoder, SkillTaxonomy skills, String country) {
    String folded = SearchText.fold(text);
    MatchQuery q = MatchQuery.profileOnly();
    String unknown = null;
    if (REMOTE.matcher(folded).find()) {
      q = q.onlyRemote();
    }
    if (THIS_WEEK.matcher(folded).find()) {
      q = q.between(today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
    } else if (THIS_MONTH.matcher(folded).find()) {
      q = q.between(today, today.with(TemporalAdjusters.lastDayOfMonth()));
    }
    Matcher near =
        NEAR.matcher(REMOTE.matcher(folded).replaceAll(" ").replaceAll("\\s+", " ").strip());
    if (near.find()) {
      String name = near.group(2).strip();
      Optional<Place> place = geocoder.locate(name, country);
      if (place.isPresent()) {
        q = q.near(place.get());
      } else if (!WEAK.contains(near.group(1))) {
        unknown = name;
      }
    }
    for (String word : folded.split(" ")) {
      if (NOISE.containsKey(word) || word.length() < 4) {
        continue;
      }
      Optional<Cause> cause = Cause.parse(word);
      if (cause.isPresent() && q.cause() == null) {
        q = q.cause(cause.get());
      }
    }
    var named =
        skills.find(
            q.near() == null ? folded : folded.replace(SearchText.fold(q.near().name()), " "));
    if (!named.isEmpty()) {
      q = q.skill(named.iterator().next());
    }
    return new MissionRequest(text == null ? "" : text, q, unknown);
  }
}
