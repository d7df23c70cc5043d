package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void hoursAsPeopleTypeThem() {
    assertThat(HoursParser.minutes("3,5")).hasValue(210);
    assertThat(HoursParser.minutes("3.5")).hasValue(210);
    assertThat(HoursParser.minutes("3h30")).hasValue(210);
    assertThat(HoursParser.minutes("3 h")).hasValue(180);
    assertThat(HoursParser.minutes("2h")).hasValue(120);
    assertThat(HoursParser.minutes("1:45")).hasValue(105);
    assertThat(HoursParser.minutes("90 min")).hasValue(90);
    assertThat(HoursParser.minutes("2 Stunden")).hasValue(120);
    assertThat(HoursParser.minutes("-2")).hasValue(-120);
    assertThat(HoursParser.minutes("abc")).isEmpty();
    assertThat(HoursParser.minutes("")).isEmpty();
    assertThat(HoursParser.minutes("3h75")).isEmpty();
  }

  @Test
  void hoursNamedInASentence() {
    assertThat(HoursParser.find("log 2.5h yesterday for the Caritas workshop")).hasValue(150);
    assertThat(HoursParser.find("j'ai fait 3 h hier")).hasValue(180);
    assertThat(HoursParser.find("ich habe gestern 2 Stunden gemacht")).hasValue(120);
    assertThat(HoursParser.find("did 3h30 on 20/11")).hasValue(210);
    assertThat(HoursParser.find("90 min at the food bank")).hasValue(90);
    assertThat(HoursParser.find("missions near Esch")).isEmpty();
    assertThat(HoursParser.find("on 20/11 at 3")).isEmpty();
  }

  @Test
  void datesRelativeToTodayInThreeLanguages() {
    LocalDate today = LocalDate.of(2026, 11, 23); // a Monday
    assertThat(DateParser.parse("yesterday", today)).contains(LocalDate.of(2026, 11, 22));
    assertThat(DateParser.parse("j'ai fait 3 h hier", today)).contains(LocalDate.of(2026, 11, 22));
    assertThat(DateParser.parse("avant-hier", today)).contains(LocalDate.of(2026, 11, 21));
    assertThat(DateParser.parse("gestern", today)).contains(LocalDate.of(2026, 11, 22));
    assertThat(DateParser.parse("jeudi", today)).contains(LocalDate.of(2026, 11, 19));
    assertThat(DateParser.parse("2026-11-20", today)).contains(LocalDate.of(2026, 11, 20));
    assertThat(DateParser.parse("20/11", today)).contains(LocalDate.of(2026, 11, 20));
    assertThat(DateParser.parse("20.11.2026", today)).contains(LocalDate.of(2026, 11, 20));
    assertThat(DateParser.parse("31/02", today)).isEmpty();
    assertThat(DateParser.parse("log 2.5h yesterday", today)).contains(LocalDate.of(2026, 11, 22));
    assertThat(DateParser.parse("log 2.5 hours", today)).isEmpty();
    assertThat(DateParser.parse("no date here", today)).isEmpty();
  }

  @Test
  void cleaningKeepsTextButDropsControlCharactersAndBoundsLength() {
    assertThat(ConversationEngine.clean("  help\u0000\u0007 me ")).isEqualTo("help me");
    assertThat(ConversationEngine.clean("x".repeat(10_000))).hasSize(ConversationEngine.MAX_TEXT);
    assertThat(ConversationEngine.clean(null)).isEmpty();
  }
}
