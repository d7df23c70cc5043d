package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.slack.SlackRendering;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.bot.support.Hostile;
import org.tandem.bot.teams.TeamsRendering;
import org.tandem.bot.web.WebRendering;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * A name typed with markup, put into Tandem's own sentences by real handlers (a role granted, an
 * association registered, a directory entry's form), shows as typed on the try-it page, Slack and
 * Teams, while the sentences' own bold stays bold.
 */
@BotTest
class NamesShowAsTypedTest {

  static final String ZWSP = "\u200B";

  /** Slack: a zero-width space each side of a style character keeps it from styling. */
  static final String SLACK_BOLD_TYPED = ZWSP + "*" + ZWSP + "bold" + ZWSP + "*" + ZWSP;

  /** Teams' JSON: {@code \*bold\*}, each backslash written twice in JSON. */
  static final String TEAMS_BOLD_TYPED = "\\\\*bold\\\\*";

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;

  Chat installer(TenantId tenant) {
    Employee claire = fixtures.person(tenant, "Claire Weber");
    people.installedBy(tenant, claire.id());
    return new Chat(engine, people.find(tenant, claire.id()).orElseThrow(), Locale.ENGLISH);
  }

  @Test
  void aGrantNamesThePersonAsTypedOnEverySurface() {
    TenantId tenant = fixtures.company();
    fixtures.person(tenant, Hostile.MARKUP);
    Chat admin = installer(tenant);

    Reply granted = admin.say("admin grant zora csr");
    assertThat(granted.plainText()).contains(Hostile.MARKUP + " is now a CSR manager");
    assertThat(WebRendering.html(granted))
        .contains("Zora &lt;b&gt;x&lt;/b&gt; *bold* [l](http://x) _it_ ~s~ `c` is now")
        .doesNotContain("<b>");
    assertThat(SlackRendering.message(granted))
        .contains(SLACK_BOLD_TYPED)
        .contains("&lt;b&gt;x&lt;/b&gt;")
        .doesNotContain("<b>");
    assertThat(TeamsRendering.message(granted)).contains(TEAMS_BOLD_TYPED);
  }

  @Test
  void anAssociationsNameShowsAsTypedAndTheSentencesOwnBoldStays() {
    TenantId tenant = fixtures.company();
    Chat csr = installer(tenant);

    csr.say("new association");
    Reply registered = csr.submitForm(Map.of("name", List.of(Hostile.MARKUP)));
    assertThat(registered.plainText()).contains("is registered").contains("*bold*");
    assertThat(WebRendering.html(registered)).contains("*bold*").doesNotContain("<b>bold</b>");
    assertThat(SlackRendering.message(registered)).contains(SLACK_BOLD_TYPED);
    assertThat(TeamsRendering.message(registered)).contains(TEAMS_BOLD_TYPED);

    // The help's own *command* words are bold on every surface.
    Reply help = csr.say("help");
    assertThat(help.plainText()).contains("admin audit").doesNotContain("*admin audit*");
    assertThat(WebRendering.html(help)).contains("<b>admin audit</b>");
    assertThat(SlackRendering.message(help)).contains("*admin audit*");
    assertThat(TeamsRendering.message(help)).contains("**admin audit**");
  }

  @Test
  void aDirectoryEntrysFormIntroNamesThePersonAsTyped() {
    TenantId tenant = fixtures.company();
    fixtures.person(tenant, Hostile.MARKUP);
    Chat admin = installer(tenant);

    admin.say("person zora");
    Reply.Form form = Chat.form(admin.click("person.edit"));
    assertThat(form.intro()).contains("Directory entry of " + Hostile.MARKUP);
    assertThat(WebRendering.html(Reply.of(form)))
        .contains("Directory entry of Zora &lt;b&gt;x&lt;/b&gt; *bold*")
        .doesNotContain("<b>bold</b>");
    assertThat(SlackRendering.modal(form)).contains(SLACK_BOLD_TYPED);
    assertThat(TeamsRendering.card(form)).contains(TEAMS_BOLD_TYPED);
  }
}
