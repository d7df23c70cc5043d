package org.tandem.bot.conversation.admin;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantLinks;

/**
 * "link K7QM-4PXD": an admin redeems a code issued on the company's other platform; this workspace
 * or tenant becomes part of that company. Without a code, says how linking works.
 */
@Component
class LinkIntent implements Handler {

  private static final Pattern COMMAND_WORD =
      Pattern.compile("^(link|lier|verknüpfen|verknupfen)(\\s+|$)", Pattern.CASE_INSENSITIVE);

  private final TenantLinks links;

  LinkIntent(TenantLinks links) {
    this.links = links;
  }

  @Override
  public Set<String> commands() {
    return Set.of("link", "lier", "verknüpfen", "verknupfen");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    String code = COMMAND_WORD.matcher(command.args().strip()).replaceFirst("").strip();
    if (code.isEmpty()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("link.how"));
    }
    Outcome<Tenant> linked = links.redeem(who.tenant(), who.employeeId(), code);
    if (!linked.isDone()) {
      return Refusals.reply(linked.refusal(), texts);
    }
    Tenant company = linked.value();
    return Reply.notice(
        Reply.Notice.Level.SUCCESS,
        texts.t("link.done", company.name(), company.platform().displayName()));
  }
}
