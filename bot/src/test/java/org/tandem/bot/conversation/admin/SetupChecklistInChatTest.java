package org.tandem.bot.conversation.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * The installer of a company made from nothing walks the setup checklist in chat: every step says
 * done or to do from what exists, buttons run the steps' own commands (only those Tandem answers),
 * the directory can be skipped, the announcement is ready to copy; nobody else sees it. A fresh
 * company's year and report say no allowance or rate is set, never "0 h of 0 h".
 */
@BotTest
class SetupChecklistInChatTest {

  @Autowired ConversationEngine engine;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;

  record Fresh(Tenant tenant, Employee admin, Employee employee) {}

  Fresh installed() {
    Tenant t = tenants.findOrCreate(Platform.TEAMS, "aad-" + UUID.randomUUID(), "Fresh Co", "LU");
    Employee iris = fixtures.person(t.id(), "Iris Admin");
    iris = people.installedByFirst(t.id(), iris.id());
    Employee tom = fixtures.person(t.id(), "Tom Employee");
    return new Fresh(t, iris, tom);
  }

  @Test
  void theInstallerWalksTheChecklistInFrench() {
    Fresh f = installed();
    Chat iris = new Chat(engine, f.admin(), Locale.FRENCH);

    Reply list = iris.say("admin configuration");
    List<Reply.Card> cards = cards(list);
    assertThat(cards).hasSize(6);
    assertThat(cards.get(0).title()).isEqualTo("Mise en place de Tandem chez Fresh Co");
    assertThat(cards.get(0).subtitle())
        .isEqualTo("0\u00a0étape faite sur 5".replace("\u00a0", " "));
    assertThat(cards.subList(1, 6))
        .extracting(Reply.Card::title)
        .containsExactly(
            "1. La politique",
            "2. L'annuaire",
            "3. Les premières associations",
            "4. La première mission",
            "5. L'annonce");
    assertThat(cards.subList(1, 6)).allSatisfy(c -> assertThat(c.subtitle()).isEqualTo("À faire"));

    // Each button runs a command Tandem answers: a form, never the hint.
    List<Reply.Button> buttons = cards.stream().flatMap(c -> c.buttons().stream()).toList();
    for (Reply.Button b : buttons) {
      if (b.actionId().equals(ConversationEngine.OPEN_FORM)) {
        assertThat(engine.answers(b.data().get("command") + " " + b.data().get("args")))
            .as(b.label())
            .isTrue();
      }
      if (b.opensForm()) {
        assertThat(Chat.form(iris.click(b.actionId(), b.data())).fields())
            .as(b.label())
            .isNotEmpty();
      }
    }
    assertThat(buttons)
        .extracting(Reply.Button::label)
        .contains("Modifier la politique", "Passer pour l'instant", "Voir l'annonce")
        .contains("Nouvelle mission");
    // The association and directory buttons appear exactly when their commands exist.
    assertThat(buttons.stream().anyMatch(b -> b.label().equals("Nouvelle association")))
        .isEqualTo(engine.answers("new association"));
    assertThat(buttons.stream().anyMatch(b -> b.label().equals("Jeton SCIM")))
        .isEqualTo(engine.answers("admin scim"));

    // 1. The policy, saved through its form.
    iris.click("policy.edit", Map.of());
    iris.submitForm(Map.of("allowance", List.of("24"), "rate", List.of("40")));
    // 2. The directory, skipped.
    Reply skipped = iris.click(SetupIntent.SKIP_DIRECTORY, Map.of());
    assertThat(skipped.plainText()).contains("Annuaire passé");
    assertThat(cards(skipped).get(2).subtitle()).isEqualTo("Passé");
    assertThat(cards(skipped).get(1).subtitle()).isEqualTo("✓ Fait");
    assertThat(cards(skipped).get(1).text()).contains("24 h par an").contains("40 EUR de l'heure");
    // 3, 4. An association and a mission, as the CSR team makes them.
    fixtures.workshopInEsch(f.tenant().id(), 4);
    // 5. The announcement, in French, ready to copy, with the allowance.
    Reply announcement = iris.click(SetupIntent.ANNOUNCE, Map.of());
    assertThat(announcement.plainText())
        .contains("Bonjour à tous\u202f! Fresh Co propose désormais")
        .contains("«\u00a0missions\u00a0»")
        .contains("jusqu'à 24 heures par an");
    Reply done = iris.click(SetupIntent.SHOW, Map.of());
    assertThat(cards(done).get(0).subtitle()).isEqualTo("5 étapes faites sur 5");
    assertThat(cards(done).get(0).text()).startsWith("Tout est en place");
  }

  @Test
  void aDirectoryAlreadyFilledIsNotSkippedByAStaleButton() {
    Fresh f = installed();
    people.setWorkplace(f.tenant().id(), f.admin().id(), "Esch", "IT", "LU");
    Chat iris = new Chat(engine, f.admin(), Locale.FRENCH);
    Reply stale = iris.click(SetupIntent.SKIP_DIRECTORY, Map.of());
    assertThat(stale.plainText())
        .contains("Cette étape est déjà faite\u00a0: il n'y a rien à passer.")
        .doesNotContain("Annuaire passé");
    assertThat(cards(iris.say("admin configuration")).get(2).subtitle()).isEqualTo("✓ Fait");
  }

  @Test
  void nobodyButAnAdminSeesIt() {
    Fresh f = installed();
    Chat tom = new Chat(engine, f.employee(), Locale.ENGLISH);
    assertThat(tom.say("admin setup").plainText()).contains("admin");
    assertThat(cards(tom.last)).isEmpty();
    assertThat(tom.click(SetupIntent.SKIP_DIRECTORY, Map.of()).plainText()).contains("admin");
    Chat iris = new Chat(engine, f.admin(), Locale.GERMAN);
    assertThat(cards(iris.say("admin einrichtung")).get(2).subtitle()).isEqualTo("Offen");
  }

  @Test
  void aFreshCompanySaysNoAllowanceAndNoRateIsSetYet() {
    Fresh f = installed();
    Chat iris = new Chat(engine, f.admin(), Locale.FRENCH);
    assertThat(iris.say("mon année").plainText())
        .contains("Pas encore de forfait annuel défini")
        .doesNotContain("0\u00a0h sur 0\u00a0h")
        .doesNotContain("0 h sur 0 h");
    assertThat(iris.say("rapport cette année par site").plainText())
        .contains("Pas encore de taux horaire défini")
        .doesNotContain("de l'heure");
    Chat en = new Chat(engine, f.admin(), Locale.ENGLISH);
    assertThat(en.say("my year").plainText()).contains("No yearly allowance set yet");
  }
}
