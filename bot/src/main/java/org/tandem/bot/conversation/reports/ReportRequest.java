package org.tandem.bot.conversation.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.text.SearchText;

/**
 * Reads what a CSR manager asks for, in English, French or German: a period ("last month", "ce
 * trimestre", "2026", "2026-01..2026-06"; this year by default) and a dimension ("by site", "par
 * cause", "nach Monat"; cause by default). Anything left over that is not a filler word is reported
 * back, so a typo never silently gives another report than the one asked for.
 */
record ReportRequest(Period period, Dimension dimension, String notUnderstood) {

  static final Dimension DEFAULT_DIMENSION = Dimension.CAUSE;
  static final int MAX_MONTHS = 120;

  private static final Pattern RANGE =
      Pattern.compile("(\\d{4})-(\\d{1,2})\\s*(?:\\.\\.|–|—|to|à|au|bis|-)\\s*(\\d{4})-(\\d{1,2})");
  private static final Pattern MONTH = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{1,2})(?![\\d-])");
  private static final Pattern QUARTER =
      Pattern.compile(
          "(?i)(?<!\\w)(?:q|t)([1-4])\\s*(\\d{4})(?!\\w)|(?<!\\w)(\\d{4})\\s*-?\\s*(?:q|t)([1-4])(?!\\w)");
  private static final Pattern YEAR = Pattern.compile("(?<![\\d-])(20\\d{2}|19\\d{2})(?![\\d-])");

  private static final Map<String, Pattern> RELATIVE =
      Map.of(
          "this-month",
          folded(
              "this month|current month|ce mois ci|ce mois|mois en cours|dieser monat|diesen monat|diesem monat|aktueller monat"),
          "last-month",
          folded(
              "last month|previous month|le mois dernier|mois dernier|mois precedent|letzter monat|letzten monat|vormonat|vorigen monat"),
          "this-quarter",
          folded(
              "this quarter|current quarter|ce trimestre|trimestre en cours|dieses quartal|diesem quartal|aktuelles quartal"),
          "last-quarter",
          folded(
              "last quarter|previous quarter|le trimestre dernier|trimestre dernier|trimestre precedent|letztes quartal|letzten quartal|vorquartal"),
          "this-year",
          folded(
              "this year|current year|cette annee|annee en cours|dieses jahr|diesem jahr|laufendes jahr"),
          "last-year",
          folded(
              "last year|previous year|l annee derniere|annee derniere|annee precedente|letztes jahr|letzten jahr|vorjahr"));

  private static final List<Map.Entry<Dimension, Pattern>> DIMENSIONS =
      List.of(
          Map.entry(
              Dimension.SKILL_FAMILY,
              folded(
                  "skill families|skill family|skills|skill|familles de competences|famille de competences|competences|competence|familles|famille|metiers|metier|kompetenzbereiche|kompetenzbereich|kompetenzen|kompetenz")),
          Map.entry(
              Dimension.SITE,
              folded("sites|site|standorte|standort|locations|location|lieux|lieu")),
          Map.entry(
              Dimension.DEPARTMENT,
              folded(
                  "departments|department|departements|departement|services|service|abteilungen|abteilung|teams|equipes|equipe")),
          Map.entry(
              Dimension.CAUSE,
              folded("causes|cause|anliegen|zwecke|zweck|themen|thema|themes|theme")),
          Map.entry(
              Dimension.SDG, folded("sdgs|sdg|odds|odd|nachhaltigkeitsziele|nachhaltigkeitsziel")),
          Map.entry(
              Dimension.ASSOCIATION,
              folded(
                  "associations|association|assos|asso|vereine|verein|organisations|organisation|organizations|organization|ngos|ngo|ong")),
          Map.entry(
              Dimension.MISSION, folded("missions|mission|einsatze|einsatz|projekte|projekt")),
          Map.entry(
              Dimension.CAMPAIGN,
              folded("campaigns|campaign|campagnes|campagne|kampagnen|kampagne")),
          Map.entry(
              Dimension.MONTH,
              Pattern.compile(
                  "(?<![a-z0-9])(?:by|par|per|nach|pro|je)\\s+(?:months|month|mois|monaten|monate|monat)(?![a-z0-9])")));

  private static final Pattern FILLER =
      folded(
          "reports|report|rapports|rapport|berichte|bericht|by|par|per|nach|pro|je|for|pour|fur|the|le|la|les|l|de|du|des|d|der|die|das|dem|den|in|en|im|show|me|moi|please|stp|svp|bitte|zeige|zeig|mir|affiche|donne|give|of|on|sur|over|et|and|und|a|an|un|une|ein|eine|from|du|von|vom|breakdown|repartition|aufschlusselung|participation|beteiligung|csr|rse|my|mon|ma|mein|meine|our|notre|nos|unser|unsere|summary|bilan|ubersicht");

  private static Pattern folded(String alternatives) {
    return Pattern.compile("(?<![a-z0-9])(?:" + alternatives + ")(?![a-z0-9])");
  }

  /** What was asked, relative to today in the person's time zone. */
  static ReportRequest parse(String text, LocalDate today) {
    String raw = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    Period period = null;
    Matcher m = RANGE.matcher(raw);
    if (m.find()) {
      YearMonth from = month(m.group(1), m.group(2));
      YearMonth to = month(m.group(3), m.group(4));
      if (from != null && to != null && !to.isBefore(from)) {
        period = new Period(from, to);
        raw = raw.substring(0, m.start()) + " " + raw.substring(m.end());
      }
    }
    if (period == null && (m = QUARTER.matcher(raw)).find()) {
      int q = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
      int year = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
      period = Period.quarterOf(LocalDate.of(year, q * 3, 1));
      raw = raw.substring(0, m.start()) + " " + raw.substring(m.end());
    }
    if (period == null && (m = MONTH.matcher(raw)).find()) {
      YearMonth month = month(m.group(1), m.group(2));
      if (month != null) {
        period = Period.month(month);
        raw = raw.substring(0, m.start()) + " " + raw.substring(m.end());
      }
    }
    if (period == null && (m = YEAR.matcher(raw)).find()) {
      period = Period.year(Integer.parseInt(m.group(1)));
      raw = raw.substring(0, m.start()) + " " + raw.substring(m.end());
    }
    String rest = SearchText.fold(raw);
    if (period == null) {
      for (Map.Entry<String, Pattern> e : RELATIVE.entrySet()) {
        Matcher r = e.getValue().matcher(rest);
        if (r.find()) {
          period = relative(e.getKey(), today);
          rest = rest.substring(0, r.start()) + " " + rest.substring(r.end());
          break;
        }
      }
    }
    Dimension dimension = null;
    for (Map.Entry<Dimension, Pattern> e : DIMENSIONS) {
      Matcher d = e.getValue().matcher(rest);
      if (d.find()) {
        dimension = e.getKey();
        rest = rest.substring(0, d.start()) + " " + rest.substring(d.end());
        break;
      }
    }
    rest = FILLER.matcher(rest).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return new ReportRequest(
        period == null ? Period.year(today.getYear()) : period,
        dimension == null ? DEFAULT_DIMENSION : dimension,
        rest);
  }

  private static YearMonth month(String year, String month) {
    int mm = Integer.parseInt(month);
    return mm >= 1 && mm <= 12 ? YearMonth.of(Integer.parseInt(year), mm) : null;
  }

  private static Period relative(String which, LocalDate today) {
    YearMonth now = YearMonth.from(today);
    return switch (which) {
      case "this-month" -> Period.month(now);
      case "last-month" -> Period.month(now.minusMonths(1));
      case "this-quarter" -> Period.quarterOf(today);
      case "last-quarter" -> Period.quarterOf(today.minusMonths(3));
      case "last-year" -> Period.year(today.getYear() - 1);
      default -> Period.year(today.getYear());
    };
  }
}
