package org.tandem.core.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tandem.core.text.Wording;

/**
 * Why a request was refused: a stable code for programs and a message key, with its arguments, for
 * people. Messages live in {@code i18n/refusals*.properties} in French, English and German. A
 * refusal about one value of a form names its {@code field} (null otherwise), so every channel
 * shows the message beside that field.
 */
public record Refusal(ReasonCode code, Object[] args, String field) {

  public Refusal {
    args = args == null ? new Object[0] : args.clone();
  }

  public Refusal(ReasonCode code, Object[] args) {
    this(code, args, null);
  }

  /** A refusal of the value of one field. */
  public static Refusal on(String field, ReasonCode code, Object... args) {
    return new Refusal(code, args, field);
  }

  public String messageKey() {
    return code.messageKey();
  }

  /** The polite sentence to show the user, in their language. */
  public String message(Locale locale) {
    String pattern;
    try {
      pattern =
          ResourceBundle.getBundle("i18n/refusals", locale, NO_FALLBACK).getString(messageKey());
    } catch (MissingResourceException e) {
      pattern = ResourceBundle.getBundle("i18n/refusals", Locale.ROOT).getString(messageKey());
    }
    return Wording.format(pattern, locale, args);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Refusal r
        && r.code == code
        && Arrays.equals(r.args, args)
        && java.util.Objects.equals(r.field, field);
  }

  @Override
  public int hashCode() {
    return (code.hashCode() * 31 + Arrays.hashCode(args)) * 31 + java.util.Objects.hashCode(field);
  }

  @Override
  public String toString() {
    return code + Arrays.toString(args) + (field == null ? "" : " on " + field);
  }

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
