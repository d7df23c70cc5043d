package org.tandem.bot.reporting;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Group;
import org.tandem.core.reports.Report;

/**
 * Hours by month, stacked by the report's dimension: the seven largest groups and "other", drawn
 * headless to a PNG (XChart). A month breakdown is one series: stacking months by month says
 * nothing more.
 */
@Component
public class ReportChart {

  static final int SERIES = 7;
  private static final Color[] PALETTE = {
    new Color(0x1F6FEB), new Color(0x2DA44E), new Color(0xBF8700), new Color(0xCF222E),
    new Color(0x8250DF), new Color(0x0A7B83), new Color(0xE16F24), new Color(0x8C959F)
  };

  private final ReportLabels labels;

  ReportChart(ReportLabels labels) {
    this.labels = labels;
  }

  /** The chart as PNG bytes; empty when the period has no approved hours to draw. */
  public Optional<byte[]> png(Report report, ReportWords words) {
    if (report.totals().approvedMinutes() == 0) {
      return Optional.empty();
    }
    List<YearMonth> months = report.period().eachMonth();
    List<String> x = months.stream().map(words::month).toList();
    Map<String, long[]> series = series(report, months, words);

    CategoryChart chart =
        new CategoryChartBuilder()
            .width(960)
            .height(480)
            .title(
                words.t(
                    "chart.title",
                    words.dimension(report.dimension()),
                    words.period(report.period())))
            .yAxisTitle(words.t("chart.hours"))
            .build();
    var styler = chart.getStyler();
    chart.getStyler().setStacked(true);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setXAxisLabelRotation(months.size() > 12 ? 60 : 0);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendVisible(series.size() > 1);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xD0D7DE));
    styler.setPlotBorderVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setSeriesColors(PALETTE);
    for (Map.Entry<String, long[]> s : series.entrySet()) {
      List<Number> y = new ArrayList<>();
      for (long minutes : s.getValue()) {
        y.add(minutes / 60.0);
      }
      chart.addSeries(s.getKey(), x, y);
    }
    try {
      var out = new java.io.ByteArrayOutputStream();
      var image =
          new java.awt.image.BufferedImage(
              chart.getWidth(), chart.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
      var g = image.createGraphics();
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
          java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.paint(g, chart.getWidth(), chart.getHeight());
      g.dispose();
      javax.imageio.ImageIO.write(image, "png", out);
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Series name to minutes per month: the largest groups, then everything else as "other". */
  Map<String, long[]> series(Report report, List<YearMonth> months, ReportWords words) {
    Map<String, long[]> series = new LinkedHashMap<>();
    if (report.dimension() == Dimension.MONTH) {
      long[] all = new long[months.size()];
      for (Group g : report.groups()) {
        add(all, g, months);
      }
      series.put(words.t("chart.hours"), all);
      return series;
    }
    List<Group> named =
        new ArrayList<>(report.groups().stream().filter(g -> !g.isOther()).toList());
    named.sort(Comparator.comparingLong((Group g) -> g.figures().approvedMinutes()).reversed());
    long[] rest = new long[months.size()];
    boolean anyRest = false;
    Set<String> used = new HashSet<>();
    for (int i = 0; i < named.size(); i++) {
      Group g = named.get(i);
      if (i < SERIES && g.figures().approvedMinutes() > 0) {
        String name = labels.of(report.dimension(), g, words);
        String unique = name;
        for (int n = 2; !used.add(unique); n++) {
          unique = name + " (" + n + ")";
        }
        long[] values = new long[months.size()];
        add(values, g, months);
        series.put(unique, values);
      } else {
        add(rest, g, months);
        anyRest = true;
      }
    }
    for (Group g : report.groups()) {
      if (g.isOther()) {
        add(rest, g, months);
        anyRest = true;
      }
    }
    if (anyRest) {
      series.put(words.t("group.other", org.tandem.core.reports.Reports.MIN_GROUP_SIZE), rest);
    }
    return series;
  }

  private static void add(long[] values, Group g, List<YearMonth> months) {
    for (int i = 0; i < months.size(); i++) {
      values[i] += g.approvedMinutesByMonth().getOrDefault(months.get(i), 0L);
    }
  }
}
