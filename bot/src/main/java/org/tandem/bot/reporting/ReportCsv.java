package org.tandem.bot.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
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
    ReportTable table = ReportTable.of(report, words, labels);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
      w.write('\uFEFF');
      csv.printRecord(table.header().stream().map(ReportCsv::safe).toList());
      for (List<Object> row : table.rows()) {
        csv.printRecord(row.stream().map(ReportCsv::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A cell as CSV text: numbers with a dot and no trailing zeros, text made safe, null empty. */
  private static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return cell instanceof String s ? safe(s) : cell.toString();
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
