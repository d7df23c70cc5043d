package org.tandem.core.skills;

import java.util.List;
import java.util.Locale;

/** A family of skills ("Logistics", "Finance"), in display order, with its skills. */
public record SkillFamily(String code, String fr, String en, String de, List<Skill> skills) {

  public String label(Locale locale) {
    return switch (locale.getLanguage()) {
      case "fr" -> fr;
      case "de" -> de;
      default -> en;
    };
  }
}
