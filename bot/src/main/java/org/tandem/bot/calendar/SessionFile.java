package org.tandem.bot.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A session as an iCalendar file (RFC 5545, sent as an iTIP message, RFC 5546): METHOD:REQUEST to
 * add or update the event, METHOD:CANCEL with STATUS:CANCELLED to remove it. The event's UID is the
 * session's own (kept through edits) and its SEQUENCE the session's, so a calendar updates or
 * removes the event it already holds. Times are written in the mission's time zone with its
 * VTIMEZONE, taken from the definitions shipped in ical4j (never downloaded); a zone they lack is
 * written in UTC. No ORGANIZER: Tandem has no mailbox to answer to, and the event is the person's
 * own.
 */
final class SessionFile {

  /** What goes in the file. {@code link}: where a remote session is joined, or null. */
  record Event(
      String uid,
      int sequence,
      Instant start,
      Instant end,
      ZoneId zone,
      String summary,
      String location,
      String description,
      String link,
      Instant stamp,
      boolean cancel) {}

  static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private SessionFile() {}

  static byte[] write(Event e) {
    VTimeZone zone = vtimezone(e.zone());
    VEvent event =
        new VEvent(
            at(e.start(), zone == null ? ZoneOffset.UTC : e.zone()),
            at(e.end(), zone == null ? ZoneOffset.UTC : e.zone()),
            e.summary());
    event.replace(new DtStamp(e.stamp()));
    event.add(new Uid(e.uid()));
    event.add(new Sequence(e.sequence()));
    if (e.location() != null && !e.location().isBlank()) {
      event.add(new Location(e.location()));
    }
    if (e.description() != null && !e.description().isBlank()) {
      event.add(new Description(e.description()));
    }
    if (e.link() != null) {
      event.add(new Url(URI.create(e.link())));
    }
    if (e.cancel()) {
      event.add(ImmutableStatus.VEVENT_CANCELLED);
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Tandem//Sessions//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(e.cancel() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    if (zone != null) {
      calendar.add(zone);
    }
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      // Not validated as an iTIP message: that would want an ORGANIZER (see above).
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Temporal at(Instant t, ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? t : t.atZone(zone);
  }

  /**
   * The zone's definition under the zone's own id: ical4j's definitions file some zones under
   * another (Europe/Luxembourg as Europe/Brussels: the same rules since 1970), and a calendar looks
   * the definition up by the TZID its times name.
   */
  private static VTimeZone vtimezone(ZoneId zone) {
    if (zone.normalized() instanceof ZoneOffset) {
      return null;
    }
    TimeZone tz = ZONES.getTimeZone(zone.getId());
    if (tz == null) {
      return null;
    }
    VTimeZone v = tz.getVTimeZone().copy();
    v.replace(new TzId(zone.getId()));
    v.removeAll(Property.TZURL, "X-LIC-LOCATION");
    return v;
  }
}
