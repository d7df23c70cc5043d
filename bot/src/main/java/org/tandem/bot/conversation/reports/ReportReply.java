package org.tandem.bot.conversation.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.reporting.ReportChart;
import org.tandem.bot.reporting.ReportCsv;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.bot.reporting.ReportLabels;
import org.tandem.bot.reporting.ReportWords;
import org.tandem.bot.reporting.ReportXlsx;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Figures;
import org.tandem.core.reports.Group;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;
import org.tandem.core.reports.Valuation;

/**
 * A report as a chat reply: a card with the figures, their change since the previous period and the
 * breakdown, then the chart, the CSV and the same table as an Excel workbook, as files. Used when a
 * manager asks and by the monthly report.
 */
@Component
public class ReportReply {

  private static final int LINES = 8;

  private final ReportLabels labels;
  private final ReportChart chart;
  private final ReportCsv csv;
  private final ReportFiles files;

  private final ReportXlsx xlsx;

  ReportReply(
      ReportLabels labels, ReportChart chart, ReportCsv csv, ReportXlsx xlsx, ReportFiles files) {
    this.xlsx = xlsx;
    this.labels = labels;
    this.chart = chart;
    this.csv = csv;
    this.files = files;
  }

  public Reply reply(
      org.tandem.core.tenants.TenantId tenant, Report r, Texts texts, boolean withButtons) {
    ReportWords words = ReportWords.of(texts.locale());
    Figures f = r.totals();
    Figures p = r.previous();
    List<Fact> facts = new ArrayList<>();
    String participation =
        f.participationRate() == null ? "" : " (" + words.percent(f.participationRate()) + ")";
    facts.add(
        new Fact(
            texts.t("report.volunteers"),
            texts.t("report.volunteers.value", f.volunteers(), f.employeesReached())
                + participation
                + compare(f.volunteers(), p.volunteers(), words, texts)));
    facts.add(
        new Fact(
            texts.t("report.commitments"),
            texts.t(
                "report.commitments.value",
                f.commitmentsMade(),
                f.commitmentsCompleted(),
                f.commitmentsCancelled(),
                f.noShows())));
    facts.add(
        new Fact(
            texts.t("report.hours"),
            texts.t(
                    "report.hours.value",
                    words.hours(f.approvedMinutes()),
                    words.hours(f.pendingMinutes()))
                + compare(f.approvedMinutes(), p.approvedMinutes(), words, texts)));
    facts.add(
        new Fact(
            texts.t("report.average"),
            texts.t("report.hours.short", words.hours(f.averageMinutesPerVolunteer()))));
    String workTime = texts.t("report.hours.short", words.hours(f.workTimeMinutes()));
    if (r.allowanceUse() != null) {
      workTime += " — " + texts.t("report.allowance", words.percent(r.allowanceUse()));
    }
    facts.add(new Fact(texts.t("report.workTime"), workTime));
    facts.add(
        new Fact(
            texts.t("report.associations"),
            words.number(f.associationsHelped())
                + compare(f.associationsHelped(), p.associationsHelped(), words, texts)));
    facts.add(new Fact(texts.t("report.valuation"), valuation(r.valuation(), words, texts)));
    if (r.valuation().taxReductionEstimate() != null) {
      facts.add(
          new Fact(
              texts.t("report.tax"),
              words.money(r.valuation().taxReductionEstimate(), r.valuation().currency())));
    }

    StringBuilder text = new StringBuilder();
    text.append(texts.t("report.breakdown", words.dimension(r.dimension()))).append('\n');
    List<Group> groups = r.groups();
    if (groups.isEmpty()) {
      text.append(texts.t("report.nothing")).append('\n');
    }
    int shown = 0;
    for (Group g : groups) {
      if (shown == LINES && groups.size() > LINES + 1) {
        text.append(texts.t("report.more", groups.size() - LINES)).append('\n');
        break;
      }
      text.append("• ")
          .append(labels.of(r.dimension(), g, words))
          .append(" — ")
          .append(
              texts.t(
                  "report.line",
                  g.figures().volunteers(),
                  words.hours(g.figures().approvedMinutes())))
          .append('\n');
      shown++;
    }
    text.append(texts.t("report.privacy", Reports.MIN_GROUP_SIZE));
    if (r.valuation().taxReductionEstimate() != null) {
      text.append('\n')
          .append(
              texts.t(
                  r.valuation().turnover() == null ? "report.tax.noTurnover" : "report.tax.note"));
    }
    text.append('\n').append(texts.t("report.previous", words.period(r.period().previous())));

    List<Button> buttons = new ArrayList<>();
    if (withButtons) {
      for (Dimension d :
          List.of(Dimension.SITE, Dimension.CAUSE, Dimension.ASSOCIATION, Dimension.MONTH)) {
        if (d != r.dimension()) {
          buttons.add(
              Button.of(
                  texts.t("report.by", words.dimension(d)),
                  ReportIntent.SHOW,
                  Map.of(
                      "from", r.period().first().toString(),
                      "to", r.period().last().toString(),
                      "dimension", d.name())));
        }
      }
    }
    Reply reply =
        Reply.of(
            new Reply.Card(
                texts.t("report.title", words.period(r.period()), words.dimension(r.dimension())),
                r.tenantName(),
                // Also sent unasked (the monthly report), past the engine that sets colons.
                facts.stream().map(x -> x.withColon(texts.colon())).toList(),
                text.toString().strip(),
                buttons,
                null));
    String base =
        ("tandem-" + r.period() + "-" + r.dimension().name().toLowerCase(Locale.ROOT))
            .replace("..", "_");
    var png = chart.png(r, words);
    if (png.isPresent()) {
      var stored = files.store(tenant, base + ".png", "image/png", png.get());
      reply =
          reply.then(
              new Reply.File(
                  stored.name(),
                  stored.contentType(),
                  stored.content(),
                  stored.path(),
                  words.t("file.chart", words.period(r.period()))));
    }
    var data = files.store(tenant, base + ".csv", "text/csv; charset=utf-8", csv.csv(r, words));
    // The same table as a workbook: a CSV opens as one column in a French or German Excel.
    var sheet = files.store(tenant, base + ".xlsx", ReportXlsx.CONTENT_TYPE, xlsx.xlsx(r, words));
    return reply
        .then(
            new Reply.File(
                data.name(),
                data.contentType(),
                data.content(),
                data.path(),
                words.t("file.csv", words.period(r.period()))))
        .then(
            new Reply.File(
                sheet.name(),
                sheet.contentType(),
                sheet.content(),
                sheet.path(),
                words.t("file.xlsx", words.period(r.period()))));
  }

  private static String compare(long now, long before, ReportWords words, Texts texts) {
    if (before == 0) {
      return now == 0 ? "" : " · " + texts.t("report.compare.new");
    }
    double change = (double) (now - before) / before;
    String sign = change > 0 ? "+" : "";
    return " · " + texts.t("report.compare", sign + words.percent(change));
  }

  /**
   * "1,234.00 EUR at 45.00 EUR an hour"; with country rates, "at 38.00 to 45.00 EUR an hour, by
   * country"; each currency apart, never added: "… · 512.00 CHF at 32.00 CHF an hour".
   */
  private static String valuation(Valuation v, ReportWords words, Texts texts) {
    if (v.amounts().stream().allMatch(a -> a.highestRate().signum() == 0)) {
      // No rate in the policy yet: say so, not "0 € at 0 € an hour".
      return texts.t("report.valuation.none");
    }
    List<String> amounts = new ArrayList<>();
    for (Valuation.Amount a : v.amounts()) {
      amounts.add(
          a.oneRate()
              ? texts.t(
                  "report.valuation.value",
                  words.money(a.value(), a.currency()),
                  words.money(a.lowestRate(), a.currency()))
              : texts.t(
                  "report.valuation.range",
                  words.money(a.value(), a.currency()),
                  words.money(a.lowestRate(), a.currency()),
                  words.money(a.highestRate(), a.currency())));
    }
    return String.join(" · ", amounts);
  }
}
