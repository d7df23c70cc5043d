package org.tandem.core.causes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.text.SearchText;

/**
 * A cause, with its labels in French, English and German and the UN Sustainable Development Goals
 * (1-17) it advances.
 */
public enum Cause {
  EDUCATION("Éducation", "Education", "Bildung", 4),
  CHILDREN_YOUTH("Enfance et jeunesse", "Children and youth", "Kinder und Jugend", 4, 3),
  ENVIRONMENT("Environnement", "Environment", "Umwelt", 13, 15, 12),
  HEALTH("Santé", "Health", "Gesundheit", 3),
  SOCIAL_INCLUSION("Inclusion sociale", "Social inclusion", "Soziale Inklusion", 10, 1),
  FOOD_AID("Aide alimentaire", "Food aid", "Lebensmittelhilfe", 2, 1),
  HOUSING("Logement", "Housing", "Wohnen", 11, 1),
  EMPLOYMENT("Emploi et insertion", "Jobs and employability", "Arbeit und Integration", 8),
  DIGITAL_INCLUSION("Inclusion numérique", "Digital inclusion", "Digitale Teilhabe", 4, 10),
  ELDERLY("Personnes âgées", "Older people", "Senioren", 3, 10),
  DISABILITY("Handicap", "Disability", "Behinderung", 10),
  REFUGEES("Réfugiés et migrants", "Refugees and migrants", "Geflüchtete und Migranten", 10, 16),
  CULTURE("Culture", "Culture", "Kultur", 11),
  ANIMALS("Protection animale", "Animal welfare", "Tierschutz", 15),
  GENDER_EQUALITY("Égalité femmes-hommes", "Gender equality", "Gleichstellung", 5),
  HUMANITARIAN("Solidarité internationale", "Humanitarian aid", "Humanitäre Hilfe", 1, 17);

  private final String fr;
  private final String en;
  private final String de;
  private final List<Integer> sdgs;

  Cause(String fr, String en, String de, Integer... sdgs) {
    this.fr = fr;
    this.en = en;
    this.de = de;
    this.sdgs = List.of(sdgs);
  }

  public String label(Locale locale) {
    return switch (locale.getLanguage()) {
      case "fr" -> fr;
      case "de" -> de;
      default -> en;
    };
  }

  /** The Sustainable Development Goals this cause advances, main goal first. */
  public List<Integer> sdgs() {
    return sdgs;
  }

  /** The cause named by a code or a label in any of the three languages ("santé", "Umwelt"). */
  public static Optional<Cause> parse(String text) {
    String key = SearchText.fold(text);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(
            c ->
                SearchText.fold(c.name()).equals(key)
                    || SearchText.fold(c.fr).equals(key)
                    || SearchText.fold(c.en).equals(key)
                    || SearchText.fold(c.de).equals(key))
        .findFirst()
        .or(
            () ->
                Arrays.stream(values())
                    .filter(
                        c ->
                            SearchText.fold(c.fr).startsWith(key)
                                || SearchText.fold(c.en).startsWith(key)
                                || SearchText.fold(c.de).startsWith(key))
                    .findFirst());
  }
}
