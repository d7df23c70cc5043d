package org.tandem.bot.conversation.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.tenants.TenantId;

/**
 * The demo tenant's finished campaign, as its CSR manager follows it: everyone reached, eight
 * clicked, five committed from it, in French, English and German, and its own group in the report
 * by campaign.
 */
@BotTest
class DemoCampaignTest {

  @Autowired ConversationEngine engine;
  @Autowired People people;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoCampaignShowsWhatItBroughtInFrenchEnglishAndGerman() {
    TenantId demo =
        new TenantId(
            jdbc.sql("select id from tenant where platform = 'LOCAL' and external_id = 'demo'")
                .query(Long.class)
                .single());
    Employee sophie = people.byEmail(demo, "sophie.muller@demo.example").orElseThrow();
    // Everyone the demo had when it was loaded: delivered messages (other tests add people later).
    int everyone =
        jdbc.sql(
                """
                select count(*) from notification
                where tenant_id = ? and kind = 'CAMPAIGN' and sent_at is not null""")
            .param(demo.value())
            .query(Integer.class)
            .single();
    assertThat(everyone).isGreaterThanOrEqualTo(30);
    Map<Locale, List<String>> expected =
        Map.of(
            Locale.ENGLISH,
            List.of("Reached: " + everyone + " people", "Clicked: 8 people", "5 commitments"),
            Locale.FRENCH,
            List.of(
                "Atteint\u00a0: " + everyone + " personnes",
                "Ont cliqué\u00a0: 8 personnes",
                "5 engagements"),
            Locale.GERMAN,
            List.of(
                "Erreicht: " + everyone + " Personen", "Geklickt: 8 Personen", "5 Anmeldungen"));
    expected.forEach(
        (language, lines) -> {
          Chat chat = new Chat(engine, sophie, language);
          String word =
              Map.of(Locale.ENGLISH, "campaign", Locale.FRENCH, "campagne")
                  .getOrDefault(language, "kampagne");
          String shown = chat.say(word + " Semaine de l'engagement").plainText();
          assertThat(shown).contains("Semaine de l'engagement");
          lines.forEach(l -> assertThat(shown).contains(l));
          assertThat(Chat.cards(chat.last).get(0).buttons())
              .extracting(Reply.Button::actionId)
              .containsExactly("report.show");
          String listed = chat.say(word + (language.equals(Locale.GERMAN) ? "n" : "s")).plainText();
          assertThat(listed).contains("Semaine de l'engagement");
        });
    // Its report by campaign: a group of its own, the five who committed from it.
    Chat chat = new Chat(engine, sophie, Locale.ENGLISH);
    chat.say("campaign Semaine de l'engagement");
    String report = chat.click("report.show").plainText();
    assertThat(report).contains("Semaine de l'engagement — 5 volunteers");
  }
}
