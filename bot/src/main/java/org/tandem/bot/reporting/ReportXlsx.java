package org.tandem.bot.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.tandem.core.reports.Report;

/**
 * The report's breakdown as an Excel workbook, beside the CSV: a CSV opens as one column in a
 * French or German Excel (which expects semicolons and decimal commas), a workbook opens the same
 * everywhere. Numbers are numeric cells with a number format, so Excel shows "13,5" in French and
 * sums them; names are text cells, which a spreadsheet never runs as formulas. Written with
 * fastexcel (streaming, no Apache POI).
 */
@Component
public class ReportXlsx {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Excel's limit on a sheet's name. */
  static final int SHEET_NAME = 31;

  private final ReportLabels labels;

  ReportXlsx(ReportLabels labels) {
    this.labels = labels;
  }

  public byte[] xlsx(Report report, ReportWords words) {
    ReportTable table = ReportTable.of(report, words, labels);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "Tandem", "1.0");
      Worksheet ws = wb.newWorksheet(sheetName(words.t("xlsx.sheet")));
      List<String> header = table.header();
      for (int c = 0; c < header.size(); c++) {
        ws.value(0, c, header.get(c));
        ws.style(0, c).bold().wrapText(true).set();
      }
      for (int r = 0; r < table.rows().size(); r++) {
        List<Object> row = table.rows().get(r);
        boolean total = r == table.rows().size() - 1;
        for (int c = 0; c < row.size(); c++) {
          Object cell = row.get(c);
          if (cell instanceof String s) {
            ws.value(r + 1, c, s);
          } else if (cell instanceof Number n) {
            ws.value(r + 1, c, n instanceof BigDecimal d ? d : n);
          }
          var style = ws.style(r + 1, c);
          if (c > 0) {
            style = style.format(format(ReportTable.scale(c - 1)));
          }
          if (total) {
            style = style.bold();
          }
          style.set();
        }
      }
      ws.width(0, 28);
      for (int c = 1; c < header.size(); c++) {
        ws.width(c, 14);
      }
      ws.freezePane(1, 1);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Excel's built-in grouping and decimal separators follow the reader's own settings. */
  private static String format(int scale) {
    return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
  }

  /** A sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
  static String sheetName(String name) {
    String s = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
    s = s.isEmpty() ? "Report" : s;
    return s.length() <= SHEET_NAME ? s : s.substring(0, SHEET_NAME);
  }
}
