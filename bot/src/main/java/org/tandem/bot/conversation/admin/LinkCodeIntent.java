package org.tandem.bot.conversation.admin;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.tenants.LinkCode;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.TenantLinks;
import org.tandem.core.tenants.Tenants;

/**
 * "admin link": an admin gets a one-time code, valid 24 hours, to type to Tandem on the company's
 * other platform, so that the Slack workspace and the Teams tenant become one company.
 */
@Component
class LinkCodeIntent implements Handler {

  private final TenantLinks links;
  private final Tenants tenants;

  LinkCodeIntent(TenantLinks links, Tenants tenants) {
    this.links = links;
    this.tenants = tenants;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin link", "admin lier", "admin verknüpfen", "admin verknupfen");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    Outcome<LinkCode> issued = links.issue(who.tenant(), who.employeeId());
    if (!issued.isDone()) {
      return Refusals.reply(issued.refusal(), texts);
    }
    LinkCode code = issued.value();
    Tenant here = tenants.find(who.tenant()).orElseThrow();
    String how =
        texts.t(
            here.platform() == Platform.TEAMS ? "link.code.how.slack" : "link.code.how.teams",
            code.code());
    String until = texts.dateTime(code.expiresAt(), who.zone());
    return Reply.of(
        new Reply.Card(
            texts.t("link.code.title", here.name()),
            null,
            List.of(
                new Fact(texts.t("link.code.code"), code.code()),
                new Fact(texts.t("link.code.expires"), until)),
            how + "\n" + texts.t("link.code.what"),
            List.of(),
            null));
  }
}
