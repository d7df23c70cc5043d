package org.tandem.bot.scheduling;

import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.reports.ReportReply;
import org.tandem.core.common.Outcome;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;
import org.tandem.core.reports.Report;
import org.tandem.core.reports.Reports;

/**
 * Last month's report, by cause, for a CSR manager who wants it; nothing once they lost the role.
 */
@Component
class MonthlyReportNotice implements Notice {

  private final Reports reports;
  private final ReportReply reportReply;

  MonthlyReportNotice(Reports reports, ReportReply reportReply) {
    this.reports = reports;
    this.reportReply = reportReply;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.MONTHLY_REPORT);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    Outcome<Report> report =
        reports.report(
            n.tenant(),
            to.id(),
            Period.month(YearMonth.parse(n.payload())),
            Dimension.CAUSE,
            "monthly");
    if (!report.isDone()) {
      return Optional.empty();
    }
    return Optional.of(
        Reply.notice(Reply.Notice.Level.INFO, texts.t("report.monthly.intro"))
            .then(reportReply.reply(n.tenant(), report.value(), texts, false)));
  }
}
