package org.tandem.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for look-ups: "Esch-sur-Alzette", "ESCH SUR ALZETTE" and "esch sur alzette" meet. */
public final class SearchText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SearchText() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replace("ß", "ss").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae");
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s = SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return s.strip();
  }
}
