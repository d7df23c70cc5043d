package org.tandem.bot.conversation.directory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.reporting.ReportFiles;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Directory;
import org.tandem.core.people.DirectoryPlan;

/**
 * "admin directory" (annuaire, verzeichnis): the three ways into the company directory and the
 * file's template; and the Confirm or Cancel of a file's preview. Who may confirm which preview is
 * the core's rule: the admin who shared the file, in their company, within a day.
 */
@Component
class DirectoryIntent implements Handler {

  /** Two people of the template: Claire has no manager, Marc's is Claire. */
  private static final List<List<String>> EXAMPLE =
      List.of(
          List.of(
              "claire.martin@example.com",
              "Claire Martin",
              "Esch-sur-Alzette",
              "Finance",
              "LU",
              ""),
          List.of(
              "marc.weber@example.com",
              "Marc Weber",
              "Luxembourg",
              "IT",
              "LU",
              "claire.martin@example.com"));

  private final Directory directory;
  private final ReportFiles files;

  DirectoryIntent(Directory directory, ReportFiles files) {
    this.directory = directory;
    this.files = files;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin directory", "admin annuaire", "admin verzeichnis");
  }

  @Override
  public Set<String> actions() {
    // directory.show: the same card from a button (the setup checklist's directory step).
    return Set.of("directory.show", "directory.confirm", "directory.cancel", "directory.template");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.IMPORT)) {
      return Refusals.reply(new Refusal(ReasonCode.ADMINS_ONLY, new Object[0]), texts);
    }
    String text =
        String.join(
            "\n",
            texts.t("directory.intro"),
            texts.t("directory.way.scim"),
            texts.t("directory.way.file", texts.t("directory.columns")),
            texts.t("directory.way.person"));
    return Reply.of(
        new Reply.Card(
            texts.t("directory.title"),
            null,
            List.of(),
            text,
            List.of(
                Reply.Button.of(
                    texts.t("directory.template.button"), "directory.template", Map.of())),
            null));
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    if (action.id().equals("directory.show")) {
      return command(new Inbound.Command(who, "admin directory", ""), texts);
    }
    if (action.id().equals("directory.template")) {
      if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.IMPORT)) {
        return Refusals.reply(new Refusal(ReasonCode.ADMINS_ONLY, new Object[0]), texts);
      }
      return template(who, texts);
    }
    Optional<UUID> plan = uuid(action.get("plan"));
    if (plan.isEmpty()) {
      return Refusals.reply(new Refusal(ReasonCode.DIRECTORY_PLAN_EXPIRED, new Object[0]), texts);
    }
    if (action.id().equals("directory.cancel")) {
      directory.cancel(who.tenant(), who.employeeId(), plan.get());
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("directory.cancelled"));
    }
    Outcome<DirectoryPlan> done = directory.confirm(who.tenant(), who.employeeId(), plan.get());
    if (!done.isDone()) {
      return Refusals.reply(done.refusal(), texts);
    }
    DirectoryPlan p = done.value();
    Reply reply =
        Reply.notice(
            Reply.Notice.Level.SUCCESS,
            texts.t(
                "directory.confirmed", p.fileName(), p.toAdd(), p.toUpdate(), p.errors().size()));
    return reply;
  }

  /**
   * The template in the person's language: its header and two example lines, UTF-8 with a BOM so
   * that Excel reads the accents; French and German Excel separate with semicolons.
   */
  private Reply template(Who who, Texts texts) {
    String separator = texts.locale().getLanguage().equals("en") ? "," : ";";
    String header = texts.t("directory.columns").replace(", ", separator);
    StringBuilder csv = new StringBuilder(header).append("\r\n");
    for (List<String> row : EXAMPLE) {
      csv.append(String.join(separator, row)).append("\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    String name = texts.t("directory.template.name");
    ReportFiles.Stored stored = files.store(who.tenant(), name, "text/csv", out.toByteArray());
    return Reply.of(
        new Reply.File(
            name,
            "text/csv",
            stored.content(),
            stored.path(),
            texts.t("directory.template.title")));
  }

  private static Optional<UUID> uuid(String s) {
    try {
      return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
