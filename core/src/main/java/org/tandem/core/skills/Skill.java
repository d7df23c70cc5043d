package org.tandem.core.skills;

import java.util.Locale;

/** A skill of the taxonomy, identified by a stable code such as {@code accounting}. */
public record Skill(String code, String family, String fr, String en, String de) {

  public String label(Locale locale) {
    return switch (locale.getLanguage()) {
      case "fr" -> fr;
      case "de" -> de;
      default -> en;
    };
  }
}
