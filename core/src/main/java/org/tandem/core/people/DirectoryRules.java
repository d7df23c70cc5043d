package org.tandem.core.people;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;

/**
 * What a valid directory entry is, whichever way it arrives (SCIM, a file, the chat): texts are
 * trimmed and bounded, a country is an ISO 3166 alpha-2 code (upper case), an email looks like one.
 * Lengths are bounded so that a directory cannot fill the database or break a report's layout.
 */
public final class DirectoryRules {

  public static final int MAX_NAME = 200;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_SITE = 100;
  public static final int MAX_DEPARTMENT = 100;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

  private DirectoryRules() {}

  /** A person's workplace, normalised: null for what is not given or blank. */
  public record Workplace(String site, String department, String country) {}

  /** Control characters out, whitespace folded and trimmed; blank or null gives null. */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = CONTROL.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  /** The code in upper case, as typed ("lu", " Lu "); null when blank. Not checked here. */
  public static String country(String s) {
    String t = text(s);
    return t == null ? null : t.toUpperCase(Locale.ROOT);
  }

  public static boolean knownCountry(String code) {
    return code != null && code.length() == 2 && COUNTRIES.contains(code);
  }

  /** The email trimmed (null when blank); its case is kept, comparisons ignore it. */
  public static String email(String s) {
    return text(s);
  }

  public static boolean validEmail(String email) {
    return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
  }

  /**
   * The workplace normalised, or the refusal of its first wrong value, on its field ({@code site},
   * {@code department}, {@code country}).
   */
  public static Outcome<Workplace> workplace(String site, String department, String country) {
    Workplace w = new Workplace(text(site), text(department), country(country));
    Optional<Refusal> no = check(w);
    return no.isPresent() ? Outcome.refused(no.get()) : Outcome.done(w);
  }

  static Optional<Refusal> check(Workplace w) {
    if (w.site() != null && w.site().length() > MAX_SITE) {
      return Optional.of(Refusal.on("site", ReasonCode.VALUE_TOO_LONG, MAX_SITE));
    }
    if (w.department() != null && w.department().length() > MAX_DEPARTMENT) {
      return Optional.of(Refusal.on("department", ReasonCode.VALUE_TOO_LONG, MAX_DEPARTMENT));
    }
    if (w.country() != null && !knownCountry(w.country())) {
      return Optional.of(Refusal.on("country", ReasonCode.UNKNOWN_COUNTRY, w.country()));
    }
    return Optional.empty();
  }
}
