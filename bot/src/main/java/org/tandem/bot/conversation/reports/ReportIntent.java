package org.tandem.bot.conversation.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.reporting.ReportWords;
import org.tandem.core.common.Outcome;
import org.tandem.core.people.People;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;
import org.tandem.core.text.SearchText;

/**
 * "report last month by site": the company's figures for a period, broken down by a dimension,
 * compared with the previous period, with the chart and the CSV as files. CSR managers and admins
 * only. "report monthly off" stops the monthly report in a manager's messages.
 */
@Component
class ReportIntent implements Handler {

  static final String SHOW = "report.show";
  private static final Pattern MONTHLY =
      Pattern.compile(
          "(?<![a-z])(monthly|mensuel|mensuelle|monatlich|monatliche|monatlichen)\\s+(off|stop|no|non|arret|aus|nein|on|yes|oui|an|ja)(?![a-z])");

  private final Reports reports;
  private final People people;
  private final ReportReply rendering;

  ReportIntent(Reports reports, People people, ReportReply rendering) {
    this.reports = reports;
    this.people = people;
    this.rendering = rendering;
  }

  @Override
  public Set<String> commands() {
    return Set.of("report", "rapport", "bericht", "reports", "rapports");
  }

  @Override
  public Set<String> actions() {
    return Set.of(SHOW);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    var monthly = MONTHLY.matcher(SearchText.fold(command.args()));
    if (monthly.find()) {
      if (!reports.mayReport(who.tenant(), who.employeeId())) {
        return Refusals.reply(
            new org.tandem.core.common.Refusal(
                org.tandem.core.common.ReasonCode.CSR_MANAGERS_ONLY, new Object[0]),
            texts);
      }
      boolean on = Set.of("on", "yes", "oui", "an", "ja").contains(monthly.group(2));
      people.monthlyReport(who.tenant(), who.employeeId(), on);
      return Reply.notice(
          Reply.Notice.Level.SUCCESS, texts.t(on ? "report.monthly.on" : "report.monthly.off"));
    }
    ReportRequest request = ReportRequest.parse(command.args(), LocalDate.now(who.zone()));
    if (!request.notUnderstood().isEmpty()) {
      return Reply.notice(
              Reply.Notice.Level.WARNING, texts.t("report.unclear", request.notUnderstood()))
          .then(Reply.notice(Reply.Notice.Level.INFO, texts.t("report.help")));
    }
    return report(who, request.period(), request.dimension(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    try {
      Period period =
          new Period(YearMonth.parse(action.get("from")), YearMonth.parse(action.get("to")));
      Dimension dimension = Dimension.valueOf(action.get("dimension"));
      return report(action.who(), period, dimension, texts);
    } catch (RuntimeException e) {
      return Reply.notice(Reply.Notice.Level.WARNING, texts.t("report.help"));
    }
  }

  private Reply report(Who who, Period period, Dimension dimension, Texts texts) {
    YearMonth now = YearMonth.now(who.zone());
    if (period.first().isAfter(now)) {
      return Reply.notice(
          Reply.Notice.Level.WARNING,
          texts.t("report.future", ReportWords.of(texts.locale()).period(period)));
    }
    if (period.months() > ReportRequest.MAX_MONTHS || period.first().getYear() < 2000) {
      return Reply.notice(
          Reply.Notice.Level.WARNING, texts.t("report.tooLong", ReportRequest.MAX_MONTHS / 12));
    }
    Outcome<Report> outcome =
        reports.report(who.tenant(), who.employeeId(), period, dimension, who.channel());
    if (!outcome.isDone()) {
      return Refusals.reply(outcome.refusal(), texts);
    }
    return rendering.reply(who.tenant(), outcome.value(), texts, true);
  }
}
