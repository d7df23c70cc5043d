package org.tandem.bot.conversation.privacy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.core.common.Outcome;
import org.tandem.core.privacy.PersonalData;

/**
 * "my data": the person gets a JSON file of everything Tandem keeps about them, as a file of their
 * own (Slack uploads it into their conversation with Tandem; Teams and the try-it chat link it),
 * behind a link that expires after {@code tandem.personal-data.file-kept}.
 */
@Component
class MyDataIntent implements Handler {

  private final PersonalData data;
  private final ReportFiles files;
  private final Duration kept;

  MyDataIntent(
      PersonalData data,
      ReportFiles files,
      @Value("${tandem.personal-data.file-kept:P1D}") Duration kept) {
    this.data = data;
    this.files = files;
    this.kept = kept;
  }

  @Override
  public Set<String> commands() {
    return Set.of("my data", "mes données", "mes donnees", "meine daten");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    Outcome<byte[]> mine = data.mine(who.tenant(), who.employeeId());
    if (!mine.isDone()) {
      return Refusals.reply(mine.refusal(), texts);
    }
    String name = "tandem-my-data-" + LocalDate.now(who.zone()) + ".json";
    ReportFiles.Stored stored =
        files.storeFor(
            who.tenant(), who.employeeId(), name, "application/json", mine.value(), kept);
    return Reply.notice(
            Reply.Notice.Level.INFO, texts.t("mydata.intro", Math.max(1, kept.toHours())))
        .then(
            new Reply.File(
                name, "application/json", mine.value(), stored.path(), texts.t("mydata.file")));
  }
}
