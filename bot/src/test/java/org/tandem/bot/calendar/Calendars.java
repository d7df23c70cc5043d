package org.tandem.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/** A calendar file read back with ical4j, as a calendar application reads it. */
record Calendars(Calendar calendar, VEvent event) {

  static Calendars read(byte[] ics) {
    try {
      Calendar c =
          new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
      VEvent e = c.<VEvent>getComponent(Component.VEVENT).orElseThrow();
      return new Calendars(c, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserException e) {
      throw new AssertionError(
          "not a calendar file: " + new String(ics, StandardCharsets.UTF_8), e);
    }
  }

  String method() {
    return calendar.getProperty(Property.METHOD).orElseThrow().getValue();
  }

  String property(String name) {
    return event.getProperty(name).map(Property::getValue).orElse(null);
  }

  String uid() {
    return property(Property.UID);
  }

  int sequence() {
    return Integer.parseInt(property(Property.SEQUENCE));
  }

  /** DTSTART as a zoned time, read through the file's VTIMEZONE. */
  ZonedDateTime start() {
    return (ZonedDateTime) event.getProperty(Property.DTSTART).map(p -> date(p)).orElseThrow();
  }

  ZonedDateTime end() {
    return (ZonedDateTime) event.getProperty(Property.DTEND).map(p -> date(p)).orElseThrow();
  }

  /** The TZID DTSTART names, and the VTIMEZONE the file defines for it. */
  String tzid() {
    String tzid =
        event
            .getProperty(Property.DTSTART)
            .orElseThrow()
            .getParameter("TZID")
            .orElseThrow()
            .getValue();
    VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
    assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo(tzid);
    return tzid;
  }

  private static Object date(Property p) {
    return ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate();
  }
}
