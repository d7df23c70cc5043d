package org.tandem.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.core.availability.Availability;
import org.tandem.core.causes.Cause;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.text.Wording;

/**
 * A mission proposed to an employee, with the facts behind its rank: the skills and causes it
 * shares with their profile, how far it is from where they are, and the slots they share.
 */
public record Proposal(
    long missionId,
    String title,
    String associationName,
    MissionMode mode,
    String missionPlace,
    Double distanceKm,
    String fromPlace,
    List<String> sharedSkills,
    List<String> sharedCauses,
    Availability commonSlots,
    boolean anyTime,
    int seatsLeft,
    double score) {

  /**
   * The reason a person reads: "uses your accounting and spreadsheets skills · 4 km from
   * Differdange · Thursday evenings". A hybrid mission beyond the travel range has no distance: it
   * is proposed for its remote part.
   */
  public String reason(Locale locale, SkillTaxonomy skills) {
    String lang = locale.getLanguage();
    List<String> parts = new ArrayList<>();
    if (!sharedSkills.isEmpty()) {
      List<String> labels =
          sharedSkills.stream()
              .limit(3)
              .map(code -> inSentence(skills.label(code, locale), lang))
              .toList();
      String list = join(labels, lang);
      parts.add(
          switch (lang) {
            case "fr" -> "mobilise vos compétences en " + list;
            case "de" -> "nutzt Ihre Kenntnisse in " + list;
            default -> "uses your " + list + " skills";
          });
    } else if (!sharedCauses.isEmpty()) {
      String cause = Cause.valueOf(sharedCauses.get(0)).label(locale);
      parts.add(
          switch (lang) {
            case "fr" -> "pour une cause qui vous tient à cœur\u00a0: " + inSentence(cause, lang);
            case "de" -> "für ein Anliegen, das Ihnen wichtig ist: " + cause;
            default -> "for a cause you care about: " + inSentence(cause, lang);
          });
    }
    if (distanceKm != null && fromPlace != null && mode != MissionMode.REMOTE) {
      long km = Math.max(1, Math.round(distanceKm));
      parts.add(
          switch (lang) {
            case "fr" -> "à " + km + "\u00a0km " + Wording.frenchDe(fromPlace);
            case "de" -> km + "\u00a0km von " + fromPlace;
            default -> km + "\u00a0km from " + fromPlace;
          });
    } else if (mode == MissionMode.HYBRID) {
      // Beyond the travel range a hybrid mission is proposed for its remote part.
      parts.add(
          switch (lang) {
            case "fr" -> "à distance, ou sur place " + Wording.frenchA(missionPlace);
            case "de" -> "remote, oder vor Ort in " + missionPlace;
            default -> "remote, or on site in " + missionPlace;
          });
    } else if (mode == MissionMode.REMOTE) {
      parts.add(
          switch (lang) {
            case "fr" -> "à distance, depuis chez vous";
            case "de" -> "remote, von zu Hause aus";
            default -> "remote, from home";
          });
    }
    if (!commonSlots.isEmpty()) {
      parts.add(commonSlots.describe(locale, 2));
    } else if (anyTime) {
      parts.add(
          switch (lang) {
            case "fr" -> "quand vous voulez";
            case "de" -> "wann es Ihnen passt";
            default -> "whenever suits you";
          });
    }
    return String.join(" · ", parts);
  }

  /** Lower-cases a label inside a sentence, except German nouns and acronyms ("SQL", "Excel"). */
  private static String inSentence(String label, String lang) {
    if ("de".equals(lang) || label.length() < 2 || Character.isUpperCase(label.charAt(1))) {
      return label;
    }
    String first = label.split("[ (]")[0];
    if (List.of("Excel", "Python", "Java", "Word", "PowerPoint").contains(first)) {
      return label;
    }
    return Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  private static String join(List<String> items, String lang) {
    if (items.size() == 1) {
      return items.get(0);
    }
    String and =
        switch (lang) {
          case "fr" -> " et ";
          case "de" -> " und ";
          default -> " and ";
        };
    return String.join(", ", items.subList(0, items.size() - 1))
        + and
        + items.get(items.size() - 1);
  }
}
