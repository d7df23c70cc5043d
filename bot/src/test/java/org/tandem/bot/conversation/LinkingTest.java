package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/** "admin link" and "link CODE", typed or as commands, in English, French and German. */
@BotTest
class LinkingTest {

  static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}");

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Tenants tenants;

  Employee admin(TenantId tenant, IdentityKind kind) {
    Employee e =
        people.enrol(
            tenant,
            kind,
            UUID.randomUUID().toString(),
            new NewPerson("Admin", null, Locale.ENGLISH, Fixtures.LUXEMBOURG));
    return people.installedBy(tenant, e.id());
  }

  static String code(Reply r) {
    Matcher m = CODE.matcher(r.plainText());
    assertThat(m.find()).as(r.plainText()).isTrue();
    return m.group();
  }

  @Test
  void anAdminGetsACodeCardInTheirLanguageAndOthersAreRefused() {
    TenantId slack = fixtures.company();
    Employee admin = admin(slack, IdentityKind.SLACK);

    Reply fr = new Chat(engine, admin, Locale.FRENCH).say("admin lier");
    Reply.Card card = cards(fr).get(0);
    assertThat(card.title()).isEqualTo("Code de liaison pour Acme");
    assertThat(card.text()).contains("Dans Microsoft Teams").contains("lier " + code(fr));

    Reply de = new Chat(engine, admin, Locale.GERMAN).command("admin", "verknüpfen");
    assertThat(cards(de).get(0).title()).isEqualTo("Verknüpfungscode für Acme");
    assertThat(cards(de).get(0).text()).contains("verknüpfen " + code(de));
    assertThat(code(de)).isNotEqualTo(code(fr));

    Employee colleague = fixtures.person(slack, "Eve");
    assertNotice(
        new Chat(engine, colleague, Locale.ENGLISH).say("admin link"),
        Reply.Notice.Level.WARNING,
        "only an admin");

    Reply admins = new Chat(engine, admin, Locale.ENGLISH).say("admin");
    assertThat(cards(admins).get(0).text()).contains("\"admin link\" gives you a code");
  }

  @Test
  void anAdminOfTheOtherPlatformRedeemsTheCodeTypedOrAsACommand() {
    TenantId slack = fixtures.company();
    String code =
        code(new Chat(engine, admin(slack, IdentityKind.SLACK), Locale.ENGLISH).say("admin link"));
    String aadTenant = UUID.randomUUID().toString();
    TenantId teams = tenants.findOrCreate(Platform.TEAMS, aadTenant, aadTenant, "LU").id();
    Chat de = new Chat(engine, admin(teams, IdentityKind.TEAMS), Locale.GERMAN);

    assertNotice(de.say("verknüpfen"), Reply.Notice.Level.INFO, "„verknüpfen CODE“");
    // A code may spell a keyword: it is still read as a code.
    assertNotice(de.say("verknüpfen YEAR-2345"), Reply.Notice.Level.WARNING, "kenne ich nicht");
    assertNotice(
        de.command("verknüpfen", code.toLowerCase(Locale.ROOT)),
        Reply.Notice.Level.SUCCESS,
        "gehört in Tandem jetzt zu Acme (Slack)");
    assertThat(tenants.find(Platform.TEAMS, aadTenant).orElseThrow().id()).isEqualTo(slack);

    String other = UUID.randomUUID().toString();
    TenantId second = tenants.findOrCreate(Platform.TEAMS, other, other, "LU").id();
    assertNotice(
        new Chat(engine, admin(second, IdentityKind.TEAMS), Locale.FRENCH).say("lier " + code),
        Reply.Notice.Level.WARNING,
        "a déjà servi");
  }
}
