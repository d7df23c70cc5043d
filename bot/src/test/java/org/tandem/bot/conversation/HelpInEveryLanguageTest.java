package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Help in French and German lists only French and German command words, and every word it lists
 * works, typed in a message and as {@code /tandem WORD}.
 */
@BotTest
class HelpInEveryLanguageTest {

  static final Set<String> ENGLISH_ONLY =
      Set.of(
          "mine",
          "approvals",
          "newmission",
          "grant",
          "revoke",
          "hours",
          "year",
          "profile",
          "report",
          "roster",
          "link",
          "find",
          "help",
          "commitments",
          "name");

  /** Help's bold words, as the sentence marks them ({@link Markup}). */
  static final Pattern BOLD =
      Pattern.compile(Markup.BOLD_OPEN + "([^" + Markup.BOLD_CLOSE + "]+)" + Markup.BOLD_CLOSE);

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;

  TenantId tenant;
  Employee boss;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    fixtures.accountantInDifferdange(tenant);
    fixtures.workshopInEsch(tenant, 3);
    Employee claire = fixtures.person(tenant, "Claire Martin");
    people.bootstrap(tenant, claire.id(), Role.CSR_MANAGER);
    boss = people.bootstrap(tenant, claire.id(), Role.ADMIN);
  }

  @Test
  void frenchHelpSpeaksFrenchAndEveryWordWorks() {
    List<String> words = commandWords(Locale.FRENCH);
    assertThat(words)
        .contains(
            "missions",
            "profil",
            "engagements",
            "heures",
            "année",
            "validations",
            "nouvelle mission",
            "rapport",
            "inscrits 12",
            "admin",
            "admin donner NOM rse",
            "admin retirer NOM rse",
            "admin lier");
    everyWordWorks(words, Locale.FRENCH, "NOM", "Je n'ai pas bien compris");
  }

  @Test
  void germanHelpSpeaksGermanAndEveryWordWorks() {
    List<String> words = commandWords(Locale.GERMAN);
    assertThat(words)
        .contains(
            "einsätze",
            "profil",
            "anmeldungen",
            "stunden",
            "jahr",
            "genehmigungen",
            "neuer einsatz",
            "bericht",
            "teilnehmer 12",
            "admin geben NAME csr",
            "admin entziehen NAME csr",
            "admin verknüpfen");
    everyWordWorks(words, Locale.GERMAN, "NAME", "Das habe ich nicht ganz verstanden");
  }

  @Test
  void englishHelpKeepsItsWords() {
    assertThat(commandWords(Locale.ENGLISH))
        .contains("missions", "mine", "approvals", "newmission", "admin grant NAME csr");
  }

  /** The bold words of help for an admin and CSR manager, first alternative of each. */
  List<String> commandWords(Locale locale) {
    Chat chat = new Chat(engine, boss, locale);
    String help = cards(chat.say("help")).get(0).text();
    List<String> words = new ArrayList<>();
    Matcher m = BOLD.matcher(help);
    while (m.find()) {
      words.add(m.group(1).split("\\|")[0].strip());
    }
    if (!locale.getLanguage().equals("en")) {
      for (String w : words) {
        for (String part : w.split(" ")) {
          assertThat(ENGLISH_ONLY).as(locale + " help word " + w).doesNotContain(part);
        }
      }
    }
    return words;
  }

  void everyWordWorks(List<String> words, Locale locale, String placeholder, String notUnderstood) {
    Chat chat = new Chat(engine, boss, locale);
    String failed = Texts.of(locale).t("engine.failed");
    String stale = Texts.of(locale).t("engine.stale");
    for (String word : words) {
      String typed = word.replace(placeholder, "Ana Lopes");
      for (Reply r :
          List.of(
              chat.say(typed),
              chat.command(
                  typed.split(" ", 2)[0], typed.contains(" ") ? typed.split(" ", 2)[1] : ""))) {
        assertThat(r.plainText())
            .as(locale + " " + typed)
            .doesNotContain(notUnderstood)
            .doesNotContain(failed)
            .doesNotContain(stale);
        if (!word.equals("aide") && !word.equals("hilfe")) {
          assertThat(r.plainText()).as(typed).doesNotContain(cards(chat.say("?")).get(0).title());
        }
      }
    }
  }
}
