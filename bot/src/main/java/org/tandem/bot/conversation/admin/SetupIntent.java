package org.tandem.bot.conversation.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.setup.Checklist;
import org.tandem.core.setup.Setup;
import org.tandem.core.setup.Step;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * The setup checklist ("admin setup", "admin configuration", "admin einrichtung"): a header and one
 * card per step, each done, skipped or to do as the core reads it, with buttons that run the step's
 * own command. A button is offered only for a command Tandem answers, so a step never leads to the
 * hint; the announcement is a text in the admin's language to post in a channel.
 */
@Component
class SetupIntent implements Handler {

  static final String SHOW = "setup.show";
  static final String SKIP_DIRECTORY = "setup.skipDirectory";
  static final String ANNOUNCE = "setup.announce";

  /** The commands of other steps, as typed in English (the engine knows their translations). */
  static final String SCIM = "admin scim";

  static final String DIRECTORY_FILE = "admin directory";
  static final String NEW_ASSOCIATION = "new association";
  static final String NEW_MISSION = "new mission";

  private final Setup setup;
  private final Tenants tenants;
  private final ObjectProvider<ConversationEngine> engine;

  SetupIntent(Setup setup, Tenants tenants, ObjectProvider<ConversationEngine> engine) {
    this.setup = setup;
    this.tenants = tenants;
    this.engine = engine;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin setup", "admin configuration", "admin einrichtung");
  }

  @Override
  public Set<String> actions() {
    return Set.of(SHOW, SKIP_DIRECTORY, ANNOUNCE);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    return checklist(command.who(), texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    return switch (action.id()) {
      case SKIP_DIRECTORY -> {
        Outcome<Checklist> o = setup.mark(who.tenant(), who.employeeId(), Step.DIRECTORY);
        yield o.isDone()
            ? Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("setup.directory.skipped"))
                .then(checklist(who, texts))
            : Refusals.reply(o.refusal(), texts);
      }
      case ANNOUNCE -> announcement(who, texts);
      default -> checklist(who, texts);
    };
  }

  /** The checklist as it stands, for an admin; anyone else is told politely it is not theirs. */
  Reply checklist(Who who, Texts texts) {
    Outcome<Checklist> o = setup.read(who.tenant(), who.employeeId());
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    Checklist c = o.value();
    Tenant t = tenants.find(who.tenant()).orElseThrow();
    Reply reply =
        Reply.of(
            new Reply.Card(
                named(t) == null
                    ? texts.t("setup.title.unnamed")
                    : texts.t("setup.title", named(t)),
                texts.t("setup.progress", c.done(), Step.values().length),
                List.of(),
                texts.t(c.complete() ? "setup.complete" : "setup.intro"),
                List.of(),
                null));
    int number = 1;
    for (Step step : Step.values()) {
      reply = reply.then(step(number++, step, c.status(step), t, who, texts));
    }
    return reply;
  }

  private Reply.Card step(
      int number, Step step, Checklist.Status status, Tenant t, Who who, Texts texts) {
    String key = "setup.step." + step.name().toLowerCase(Locale.ROOT);
    boolean toDo = status == Checklist.Status.TO_DO;
    List<Button> buttons = new ArrayList<>();
    String text;
    switch (step) {
      case POLICY -> {
        text = toDo ? texts.t(key + ".todo") : policy(t, texts);
        buttons.add(button(texts.t("button.policy"), "policy.edit", toDo).openingForm());
      }
      case DIRECTORY -> {
        List<String> ways = new ArrayList<>();
        // Buttons only while the step is to do: "admin scim" again would replace the token the
        // identity provider uses.
        if (answers(SCIM)) {
          ways.add(texts.t(key + ".scim"));
          if (toDo) {
            buttons.add(command(texts.t("setup.button.scim"), "admin", "scim", true));
          }
        }
        if (answers(DIRECTORY_FILE)) {
          ways.add(texts.t(key + ".file"));
          if (toDo) {
            buttons.add(command(texts.t("setup.button.file"), "admin", "directory", true));
          }
        }
        text =
            texts.t(key + ".todo")
                + (ways.isEmpty() ? "" : "\n• " + String.join("\n• ", ways))
                + (toDo ? "\n" + texts.t(key + ".skip") : "");
        if (toDo) {
          buttons.add(Button.of(texts.t("setup.button.skip"), SKIP_DIRECTORY, Map.of()));
        }
      }
      case ASSOCIATIONS -> {
        text = texts.t(key + ".todo");
        if (answers(NEW_ASSOCIATION)) {
          buttons.add(
              command(texts.t("setup.button.association"), "new", "association", toDo)
                  .openingForm());
        }
      }
      case MISSION -> {
        text = texts.t(key + ".todo");
        if (answers(NEW_MISSION)) {
          buttons.add(
              command(texts.t("setup.button.mission"), "new", "mission", toDo).openingForm());
        }
      }
      default -> {
        text = texts.t(key + ".todo");
        buttons.add(button(texts.t("setup.button.announce"), ANNOUNCE, toDo));
      }
    }
    return new Reply.Card(
        texts.t("setup.step", number, texts.t(key)),
        texts.t("setup.status." + status.name().toLowerCase(Locale.ROOT)),
        List.of(),
        text,
        buttons,
        null);
  }

  /** What the policy says now, on one line: the step is done, and this is what was chosen. */
  private static String policy(Tenant t, Texts texts) {
    Policy p = t.policy();
    return texts.t(
        "setup.step.policy.done",
        p.yearlyAllowanceHours().stripTrailingZeros().toPlainString(),
        texts.t(p.managerApproval() ? "yes" : "no"),
        p.hourlyRate().stripTrailingZeros().toPlainString() + " " + p.currency(),
        t.country(),
        texts.t("policy.sector." + p.sector().name().toLowerCase(Locale.ROOT)));
  }

  /**
   * The announcement, ready to copy, in the admin's language and for the platform they use: how
   * employees start, and the yearly allowance when one is set. Showing it marks the step done.
   */
  private Reply announcement(Who who, Texts texts) {
    Outcome<Checklist> o = setup.mark(who.tenant(), who.employeeId(), Step.ANNOUNCEMENT);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    Tenant t = tenants.find(who.tenant()).orElseThrow();
    Policy p = t.policy();
    StringBuilder text =
        new StringBuilder(
                named(t) == null
                    ? texts.t("setup.announcement.text.unnamed")
                    : texts.t("setup.announcement.text", named(t)))
            .append("\n\n")
            .append(
                texts.t(
                    switch (who.channel()) {
                      case "slack" -> "setup.announcement.slack";
                      case "teams" -> "setup.announcement.teams";
                      default -> "setup.announcement.any";
                    }));
    if (p.yearlyAllowanceHours().signum() > 0) {
      text.append("\n\n")
          .append(
              texts.t(
                  "setup.announcement.allowance",
                  p.yearlyAllowanceHours().stripTrailingZeros().toPlainString()));
    }
    return Reply.of(
        new Reply.Card(
            texts.t("setup.announcement.title"),
            texts.t("setup.announcement.how"),
            List.of(),
            text.toString(),
            List.of(Button.of(texts.t("setup.button.back"), SHOW, Map.of())),
            null));
  }

  /**
   * The company's name, or null while it is only its platform's id (Teams gives no tenant name): an
   * announcement must never greet colleagues with "aad-1234…".
   */
  private static String named(Tenant t) {
    return t.name() == null || t.name().equals(t.externalId()) ? null : t.name();
  }

  private boolean answers(String command) {
    return engine.getObject().answers(command);
  }

  private static Button button(String label, String action, boolean primary) {
    return primary ? Button.primary(label, action, Map.of()) : Button.of(label, action, Map.of());
  }

  /** A button that runs a command as if typed, through the engine's form opener. */
  private static Button command(String label, String name, String args, boolean primary) {
    Map<String, String> data = Map.of("command", name, "args", args);
    return primary
        ? Button.primary(label, ConversationEngine.OPEN_FORM, data)
        : Button.of(label, ConversationEngine.OPEN_FORM, data);
  }
}
