package org.tandem.bot.conversation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Period;

class ReportRequestTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static ReportRequest parse(String text) {
    return ReportRequest.parse(text, TODAY);
  }

  @Test
  void periodsInThreeLanguages() {
    assertThat(parse("report").period()).isEqualTo(Period.year(2026));
    assertThat(parse("report last month").period()).isEqualTo(Period.month(YearMonth.of(2026, 10)));
    assertThat(parse("rapport le mois dernier").period())
        .isEqualTo(Period.month(YearMonth.of(2026, 10)));
    assertThat(parse("bericht vormonat").period()).isEqualTo(Period.month(YearMonth.of(2026, 10)));
    assertThat(parse("this month").period()).isEqualTo(Period.month(YearMonth.of(2026, 11)));
    assertThat(parse("ce trimestre").period())
        .isEqualTo(new Period(YearMonth.of(2026, 10), YearMonth.of(2026, 12)));
    assertThat(parse("letztes quartal").period())
        .isEqualTo(new Period(YearMonth.of(2026, 7), YearMonth.of(2026, 9)));
    assertThat(parse("l'année dernière").period()).isEqualTo(Period.year(2025));
    assertThat(parse("2024").period()).isEqualTo(Period.year(2024));
    assertThat(parse("2026-03").period()).isEqualTo(Period.month(YearMonth.of(2026, 3)));
    assertThat(parse("Q1 2026").period())
        .isEqualTo(new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
    assertThat(parse("2026-01..2026-06").period())
        .isEqualTo(new Period(YearMonth.of(2026, 1), YearMonth.of(2026, 6)));
    assertThat(parse("2025-11 to 2026-02").period())
        .isEqualTo(new Period(YearMonth.of(2025, 11), YearMonth.of(2026, 2)));
  }

  @Test
  void dimensionsInThreeLanguages() {
    assertThat(parse("report").dimension()).isEqualTo(Dimension.CAUSE);
    assertThat(parse("report last month by site").dimension()).isEqualTo(Dimension.SITE);
    assertThat(parse("rapport par service").dimension()).isEqualTo(Dimension.DEPARTMENT);
    assertThat(parse("par ODD").dimension()).isEqualTo(Dimension.SDG);
    assertThat(parse("by skill family").dimension()).isEqualTo(Dimension.SKILL_FAMILY);
    assertThat(parse("nach Verein").dimension()).isEqualTo(Dimension.ASSOCIATION);
    assertThat(parse("by mission").dimension()).isEqualTo(Dimension.MISSION);
    assertThat(parse("this month by month").dimension()).isEqualTo(Dimension.MONTH);
    assertThat(parse("this month by month").period())
        .isEqualTo(Period.month(YearMonth.of(2026, 11)));
    assertThat(parse("dieses Quartal nach Monat").dimension()).isEqualTo(Dimension.MONTH);
  }

  @Test
  void whatIsNotUnderstoodIsSaidBack() {
    assertThat(parse("report last month by site").notUnderstood()).isEmpty();
    assertThat(parse("show me the report for 2025 by cause please").notUnderstood()).isEmpty();
    assertThat(parse("report by colour").notUnderstood()).isEqualTo("colour");
    assertThat(parse("report 2026-13").notUnderstood()).isEqualTo("2026 13");
  }
}
