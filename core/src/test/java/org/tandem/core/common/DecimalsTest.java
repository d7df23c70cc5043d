package org.tandem.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

  @Test
  void plainNumbersAsPeopleTypeThemAreRead() {
    assertThat(Decimals.parse("1607")).contains(new BigDecimal("1607"));
    assertThat(Decimals.parse(" 25,50 ")).contains(new BigDecimal("25.50"));
    assertThat(Decimals.parse("7.5")).contains(new BigDecimal("7.5"));
    assertThat(Decimals.parse("1 250 000")).contains(new BigDecimal("1250000"));
    assertThat(Decimals.parse("1\u202F250\u00A0000,5")).contains(new BigDecimal("1250000.5"));
    assertThat(Decimals.parse("1'250'000")).contains(new BigDecimal("1250000"));
    assertThat(Decimals.parse("-5")).contains(new BigDecimal("-5"));
  }

  @Test
  void exponentsPlusSignsAndWordsAreNotNumbers() {
    for (String bad :
        new String[] {
          "1E-999999999",
          "1e9",
          "1E+5",
          "-1e9",
          "--3",
          "+3",
          "NaN",
          "Infinity",
          "12abc",
          "1,2,3",
          "",
          " ",
          "1 25",
          "0x10",
          "99999999999999999999999999"
        }) {
      assertThat(Decimals.parse(bad)).as(bad).isEmpty();
    }
    assertThat(Decimals.parse(null)).isEmpty();
  }

  @Test
  void withinChecksBoundsAndDecimals() {
    BigDecimal max = BigDecimal.valueOf(2000);
    assertThat(Decimals.within(new BigDecimal("1999.75"), max, 2)).isTrue();
    assertThat(Decimals.within(new BigDecimal("2000.00"), max, 2)).isTrue();
    assertThat(Decimals.within(BigDecimal.ZERO, max, 2)).isTrue();
    assertThat(Decimals.within(new BigDecimal("2000.01"), max, 2)).isFalse();
    assertThat(Decimals.within(new BigDecimal("-1"), max, 2)).isFalse();
    assertThat(Decimals.within(new BigDecimal("1.005"), max, 2)).isFalse();
    assertThat(Decimals.within(new BigDecimal("1E-999999999"), max, 2)).isFalse();
    assertThat(Decimals.within(new BigDecimal("1E+999999999"), max, 2)).isFalse();
    assertThat(Decimals.within(null, max, 2)).isFalse();
  }
}
