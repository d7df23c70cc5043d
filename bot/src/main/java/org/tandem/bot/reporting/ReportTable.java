package org.tandem.bot.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.reports.Figures;
import org.tandem.core.reports.Group;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Valuation;

/**
 * The report's breakdown as a table, one row per group and a total row, with typed cells: the
 * group's name as text, counts as integers, rates, hours and money as decimals, unknown as null.
 * The CSV writes it as text, the XLSX as numbers, so both files say the same.
 */
record ReportTable(List<String> header, List<List<Object>> rows) {

  /** Decimal places of each column after the group's name (participation %, hours, money). */
  static final int[] SCALES = {0, 0, 1, 0, 0, 0, 0, 2, 2, 2, 2, 0, 2};

  /** A column's decimal places; the valuation columns, one per currency, have two. */
  static int scale(int column) {
    return column < SCALES.length ? SCALES[column] : 2;
  }

  static ReportTable of(Report report, ReportWords words, ReportLabels labels) {
    List<String> header =
        new ArrayList<>(
            List.of(
                words.t("csv.group", words.dimension(report.dimension())),
                words.t("csv.volunteers"),
                words.t("csv.employees"),
                words.t("csv.participation"),
                words.t("csv.made"),
                words.t("csv.completed"),
                words.t("csv.cancelled"),
                words.t("csv.noshows"),
                words.t("csv.approved"),
                words.t("csv.pending"),
                words.t("csv.worktime"),
                words.t("csv.average"),
                words.t("csv.associations")));
    for (Valuation.Amount a : report.valuation().amounts()) {
      header.add(words.t("csv.valuation", a.currency()));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Group g : report.groups()) {
      rows.add(row(labels.of(report.dimension(), g, words), g.figures(), report, false));
    }
    rows.add(row(words.t("csv.total"), report.totals(), report, true));
    return new ReportTable(header, rows);
  }

  /**
   * A group's valuation is its hours at the one rate of the report; when countries value at
   * different rates or currencies a group's value cannot be told from its hours, so only the total
   * row carries it, per currency.
   */
  private static List<Object> row(String name, Figures f, Report report, boolean total) {
    List<Object> cells = new ArrayList<>();
    cells.add(name);
    cells.add(f.volunteers());
    cells.add(f.employeesReached());
    Double rate = f.participationRate();
    cells.add(rate == null ? null : decimal(BigDecimal.valueOf(rate * 100), 1));
    cells.add(f.commitmentsMade());
    cells.add(f.commitmentsCompleted());
    cells.add(f.commitmentsCancelled());
    cells.add(f.noShows());
    cells.add(hours(f.approvedMinutes()));
    cells.add(hours(f.pendingMinutes()));
    cells.add(hours(f.workTimeMinutes()));
    cells.add(hours(f.averageMinutesPerVolunteer()));
    cells.add(f.associationsHelped());
    Valuation v = report.valuation();
    BigDecimal uniform = v.uniformRate();
    for (Valuation.Amount a : v.amounts()) {
      if (total) {
        cells.add(decimal(a.value(), 2));
      } else if (uniform != null) {
        cells.add(
            decimal(
                uniform
                    .multiply(BigDecimal.valueOf(f.approvedMinutes()))
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                2));
      } else {
        cells.add(null);
      }
    }
    return cells;
  }

  private static BigDecimal hours(long minutes) {
    return decimal(
        BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), 2);
  }

  private static BigDecimal decimal(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
