package org.tandem.bot.conversation.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Directory;
import org.tandem.core.people.DirectoryPlan;

/**
 * A file shared with Tandem (a Slack file in the admin's conversation with Tandem, a Teams file in
 * the personal chat, the try-it chat's upload): read, planned by the core, and answered with a
 * preview and a Confirm button. Channels ask {@link #before} first, so that a file nobody may
 * import, or one too large, is never downloaded.
 */
@Component
public class DirectoryUploads {

  /** The most refused lines a preview names; the others are counted. */
  static final int SHOWN_ERRORS = 20;

  private final Directory directory;

  DirectoryUploads(Directory directory) {
    this.directory = directory;
  }

  /**
   * The answer when the file is not to be read at all: its sender is not an admin, or it is larger
   * than {@link DirectoryFile#MAX_BYTES} (a size below zero is unknown, and checked once read).
   */
  public Optional<Reply> before(Who who, String name, long size) {
    Texts texts = Texts.of(who.locale());
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.IMPORT)) {
      return Optional.of(
          Reply.notice(Reply.Notice.Level.INFO, texts.t("directory.file.not-admin")));
    }
    if (size > DirectoryFile.MAX_BYTES) {
      return Optional.of(problem("directory.file.too-large", texts, DirectoryFile.MAX_BYTES >> 20));
    }
    if (!DirectoryFile.looksLikeOne(name)) {
      return Optional.of(problem("directory.file.unreadable", texts));
    }
    return Optional.empty();
  }

  /** The file, read and previewed; the core decides who may import and what each line does. */
  public Reply received(Who who, String name, byte[] content) {
    Texts texts = Texts.of(who.locale());
    Optional<Reply> no = before(who, name, content.length);
    if (no.isPresent()) {
      return no.get();
    }
    DirectoryFile.Read read = DirectoryFile.read(name, content);
    if (!read.ok()) {
      return problem(read.problem(), texts, read.args());
    }
    Outcome<DirectoryPlan> plan =
        directory.preview(who.tenant(), who.employeeId(), name, read.rows());
    if (!plan.isDone()) {
      return Refusals.reply(plan.refusal(), texts);
    }
    return Reply.of(preview(plan.value(), texts));
  }

  /** The file could not be fetched from its platform, after every attempt. */
  public Reply failed(Who who, String platform) {
    return problem("directory.file.failed", Texts.of(who.locale()), platform);
  }

  private static Reply problem(String key, Texts texts, Object... args) {
    return Reply.notice(Reply.Notice.Level.WARNING, texts.t(key, args));
  }

  /** "32 to add, 4 to update, 2 lines with errors", the refused lines, and Confirm. */
  static Reply.Card preview(DirectoryPlan p, Texts texts) {
    List<String> text = new ArrayList<>();
    text.add(texts.t("directory.preview.summary", p.toAdd(), p.toUpdate(), p.errors().size()));
    for (DirectoryPlan.LineError e :
        p.errors().subList(0, Math.min(SHOWN_ERRORS, p.errors().size()))) {
      text.add(line(e, texts));
    }
    if (p.errors().size() > SHOWN_ERRORS) {
      text.add(texts.t("directory.preview.more", p.errors().size() - SHOWN_ERRORS));
    }
    boolean changes = p.toAdd() + p.toUpdate() > 0;
    text.add(
        texts.t(
            changes
                ? "directory.preview.ask"
                : p.unchanged() == 0
                    ? "directory.preview.noneValid"
                    : "directory.preview.nothing"));
    Map<String, String> plan = Map.of("plan", p.id().toString());
    List<Reply.Button> buttons =
        changes
            ? List.of(
                Reply.Button.primary(
                    texts.t("directory.preview.confirm"), "directory.confirm", plan),
                Reply.Button.of(texts.t("directory.preview.cancel"), "directory.cancel", plan))
            : List.of();
    return new Reply.Card(
        texts.t("directory.preview.title", p.fileName()),
        null,
        List.of(
            new Reply.Fact(texts.t("directory.preview.add"), Integer.toString(p.toAdd())),
            new Reply.Fact(texts.t("directory.preview.update"), Integer.toString(p.toUpdate())),
            new Reply.Fact(texts.t("directory.preview.unchanged"), Integer.toString(p.unchanged())),
            new Reply.Fact(
                texts.t("directory.preview.errors"), Integer.toString(p.errors().size()))),
        String.join("\n", text),
        buttons,
        null);
  }

  /** "line 7 (site): That is too long…", or "line 12: No email address." */
  static String line(DirectoryPlan.LineError e, Texts texts) {
    String message = e.reason().message(texts.locale());
    String field = e.reason().field();
    if (field != null && List.of("site", "department", "name").contains(field)) {
      return texts.t(
          "directory.preview.line.field",
          Integer.toString(e.line()),
          texts.t("directory.field." + field),
          message);
    }
    return texts.t("directory.preview.line", Integer.toString(e.line()), message);
  }
}
