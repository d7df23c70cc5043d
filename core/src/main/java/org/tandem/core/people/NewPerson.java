package org.tandem.core.people;

import java.time.ZoneId;
import java.util.Locale;

/** What a chat platform tells of a person on first contact. Email may be null. */
public record NewPerson(String displayName, String email, Locale locale, ZoneId timeZone) {}
