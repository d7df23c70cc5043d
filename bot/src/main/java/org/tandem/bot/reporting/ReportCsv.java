package org.tandem.bot.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.tandem.core.reports.Figures;
import org.tandem.core.reports.Group;
import org.tandem.core.reports.Report;

/**
 * The report's breakdown as CSV: one row per group and a total row. RFC 4180 (commas, CRLF, quotes
 * doubled), UTF-8 with a byte order mark so Excel reads accents, numbers with a dot, and any cell
 * that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return) prefixed with an
 * apostrophe.
 */
@Component
public class ReportCsv {

  private final ReportLabels labels;

  ReportCsv(ReportLabels labels) {
    this.labels = labels;
  }

  public byte[] csv(Report report, ReportWords words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
      w.write('\uFEFF');
      String currency = report.valuation().currency();
      csv.printRecord(
          safe(words.t("csv.group", words.dimension(report.dimension()))),
          safe(words.t("csv.volunteers")),
          safe(words.t("csv.employees")),
          safe(words.t("csv.participation")),
          safe(words.t("csv.made")),
          safe(words.t("csv.completed")),
          safe(words.t("csv.cancelled")),
          safe(words.t("csv.noshows")),
          safe(words.t("csv.approved")),
          safe(words.t("csv.pending")),
          safe(words.t("csv.worktime")),
          safe(words.t("csv.average")),
          safe(words.t("csv.associations")),
          safe(words.t("csv.valuation", currency)));
      for (Group g : report.groups()) {
        csv.printRecord(row(safe(labels.of(report.dimension(), g, words)), g.figures(), report));
      }
      csv.printRecord(row(safe(words.t("csv.total")), report.totals(), report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<String> row(String name, Figures f, Report report) {
    List<String> cells = new ArrayList<>();
    cells.add(name);
    cells.add(Integer.toString(f.volunteers()));
    cells.add(f.employeesReached() == null ? "" : Integer.toString(f.employeesReached()));
    Double rate = f.participationRate();
    cells.add(rate == null ? "" : decimal(BigDecimal.valueOf(rate * 100), 1));
    cells.add(Integer.toString(f.commitmentsMade()));
    cells.add(Integer.toString(f.commitmentsCompleted()));
    cells.add(Integer.toString(f.commitmentsCancelled()));
    cells.add(Integer.toString(f.noShows()));
    cells.add(hours(f.approvedMinutes()));
    cells.add(hours(f.pendingMinutes()));
    cells.add(hours(f.workTimeMinutes()));
    cells.add(hours(f.averageMinutesPerVolunteer()));
    cells.add(Integer.toString(f.associationsHelped()));
    cells.add(
        decimal(
            report
                .valuation()
                .hourlyRate()
                .multiply(BigDecimal.valueOf(f.approvedMinutes()))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
            2));
    return cells;
  }

  private static String hours(long minutes) {
    return decimal(
        BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), 2);
  }

  private static String decimal(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A text cell a spreadsheet will show as text, never run as a formula. */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char c = cell.charAt(0);
    return switch (c) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }

  static String fileName(Report report, String extension) {
    return ("tandem-report-"
                + report.period()
                + "-"
                + report.dimension().name().toLowerCase(Locale.ROOT))
            .replace("..", "-to-")
        + "."
        + extension;
  }
}
