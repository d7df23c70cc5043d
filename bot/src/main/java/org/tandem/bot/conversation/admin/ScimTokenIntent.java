package org.tandem.bot.conversation.admin;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.people.ProvisioningTokens;
import org.tandem.core.tenants.Tenants;

/**
 * "admin scim" (the same words in French and German): an admin gets the SCIM base URL and a new
 * bearer token for their identity provider, shown this once; the previous token stops working.
 */
@Component
class ScimTokenIntent implements Handler {

  private final ProvisioningTokens tokens;
  private final Tenants tenants;
  private final String publicUrl;

  ScimTokenIntent(
      ProvisioningTokens tokens,
      Tenants tenants,
      @Value("${TANDEM_PUBLIC_URL:}") String publicUrl) {
    this.tokens = tokens;
    this.tenants = tenants;
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin scim");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    Outcome<String> issued = tokens.issue(who.tenant(), who.employeeId());
    if (!issued.isDone()) {
      return Refusals.reply(issued.refusal(), texts);
    }
    String company = tenants.find(who.tenant()).orElseThrow().name();
    String url = publicUrl.isEmpty() ? texts.t("scim.url.unknown") : publicUrl + "/scim/v2";
    String what = texts.t("scim.what");
    if (publicUrl.isEmpty()) {
      what = texts.t("scim.no-url") + "\n" + what;
    }
    return Reply.of(
        new Reply.Card(
            texts.t("scim.title", company),
            null,
            List.of(new Fact(texts.t("scim.url"), url)),
            what,
            List.of(),
            null),
        new Reply.Code(texts.t("scim.token"), issued.value()));
  }
}
