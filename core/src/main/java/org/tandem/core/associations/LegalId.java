package org.tandem.core.associations;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An association's legal identifier: the register it is in and its number there, normalised. French
 * RNA ({@code W} and 9 digits), SIREN (9 digits) or SIRET (14 digits, both with their Luhn check
 * digit), Luxembourg RCS for an ASBL ({@code F} and digits); Belgian and German register numbers
 * are free text (their formats vary by court and era), kept with single spaces.
 */
public record LegalId(Kind kind, String value) {

  /** The registers Tandem knows. */
  public enum Kind {
    FR_RNA,
    FR_SIREN,
    FR_SIRET,
    LU_RCS,
    BE,
    DE
  }

  static final int MAX_FREE_TEXT = 60;

  /** "RNA", "SIREN", "RCS", "VR": the register's short name, as people say it. */
  public String register() {
    return switch (kind) {
      case FR_RNA -> "RNA";
      case FR_SIREN -> "SIREN";
      case FR_SIRET -> "SIRET";
      case LU_RCS -> "RCS";
      case BE -> "BCE/KBO";
      case DE -> "VR";
    };
  }

  /**
   * The identifier as people write it: "RNA W123456789", "VR 12345 B". Belgian and German numbers
   * are kept as typed, so one typed with its register ("VR 12345 B") is not prefixed a second time.
   */
  public String written() {
    String upper = value.toUpperCase(Locale.ROOT);
    for (String name : register().split("/")) {
      if (upper.startsWith(name)
          && (upper.length() == name.length()
              || !Character.isLetter(upper.charAt(name.length())))) {
        return value;
      }
    }
    return register() + " " + value;
  }

  private static final Pattern RNA = Pattern.compile("W\\d{9}");
  private static final Pattern DIGITS_9 = Pattern.compile("\\d{9}");
  private static final Pattern DIGITS_14 = Pattern.compile("\\d{14}");
  private static final Pattern RCS = Pattern.compile("F\\d{1,8}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]+");

  /** Why a typed identifier is refused: no register chosen and none recognised, or a bad number. */
  public enum Problem {
    KIND_NEEDED,
    BAD_FORMAT,
    BAD_CHECK_DIGIT
  }

  /** The identifier read from what was typed, or the problem with it. */
  public record Reading(LegalId id, Problem problem) {}

  /**
   * Reads a typed identifier for the register {@code kind}, or, with no register given, for the one
   * its shape names unambiguously ({@code W…}, {@code F…}, 9 or 14 digits).
   */
  public static Reading read(Kind kind, String typed) {
    String compact = SEPARATORS.matcher(typed.strip()).replaceAll("").toUpperCase(Locale.ROOT);
    Kind k = kind != null ? kind : recognise(compact).orElse(null);
    if (k == null) {
      return new Reading(null, Problem.KIND_NEEDED);
    }
    return switch (k) {
      case FR_RNA -> shaped(k, compact, RNA);
      case LU_RCS -> shaped(k, compact, RCS);
      case FR_SIREN -> checked(k, compact, DIGITS_9);
      case FR_SIRET -> checked(k, compact, DIGITS_14);
      case BE, DE -> {
        String text = typed.strip().replaceAll("\\s+", " ");
        boolean ok =
            text.length() >= 2
                && text.length() <= MAX_FREE_TEXT
                && text.chars().anyMatch(Character::isDigit)
                && text.chars().noneMatch(Character::isISOControl);
        yield ok ? new Reading(new LegalId(k, text), null) : new Reading(null, Problem.BAD_FORMAT);
      }
    };
  }

  private static Optional<Kind> recognise(String compact) {
    if (RNA.matcher(compact).matches()) {
      return Optional.of(Kind.FR_RNA);
    }
    if (RCS.matcher(compact).matches()) {
      return Optional.of(Kind.LU_RCS);
    }
    if (DIGITS_9.matcher(compact).matches()) {
      return Optional.of(Kind.FR_SIREN);
    }
    if (DIGITS_14.matcher(compact).matches()) {
      return Optional.of(Kind.FR_SIRET);
    }
    return Optional.empty();
  }

  private static Reading shaped(Kind k, String compact, Pattern shape) {
    return shape.matcher(compact).matches()
        ? new Reading(new LegalId(k, compact), null)
        : new Reading(null, Problem.BAD_FORMAT);
  }

  private static Reading checked(Kind k, String compact, Pattern shape) {
    if (!shape.matcher(compact).matches()) {
      return new Reading(null, Problem.BAD_FORMAT);
    }
    return luhn(compact) || laPoste(k, compact)
        ? new Reading(new LegalId(k, compact), null)
        : new Reading(null, Problem.BAD_CHECK_DIGIT);
  }

  /** The Luhn check INSEE gives every SIREN and SIRET. */
  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /**
   * La Poste's establishments (SIREN 356 000 000) have too many SIRETs for the Luhn key: INSEE
   * checks theirs by a digit sum that is a multiple of 5.
   */
  private static boolean laPoste(Kind k, String digits) {
    return k == Kind.FR_SIRET
        && digits.startsWith("356000000")
        && digits.chars().map(c -> c - '0').sum() % 5 == 0;
  }
}
