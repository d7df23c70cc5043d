package org.tandem.core.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.support.DatabaseTest;

@DatabaseTest
class SkillTaxonomyTest {

  @Autowired SkillTaxonomy taxonomy;

  @Test
  void holdsAtLeastEightySkillsInFamiliesLabelledInThreeLanguages() {
    assertThat(taxonomy.all()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(taxonomy.families()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(taxonomy.all())
        .allSatisfy(
            s -> {
              assertThat(s.fr()).isNotBlank();
              assertThat(s.en()).isNotBlank();
              assertThat(s.de()).isNotBlank();
            });
    assertThat(taxonomy.families()).allSatisfy(f -> assertThat(f.skills()).isNotEmpty());
  }

  @Test
  void coversOperationalAndManualTradesNotOnlyOffices() {
    for (String text :
        new String[] {
          "cariste",
          "permis b",
          "cuisine",
          "jardinage",
          "electricien",
          "plomberie",
          "premiers secours"
        }) {
      assertThat(taxonomy.find(text)).as(text).isNotEmpty();
    }
  }

  @Test
  void mapsFreeTextSynonymsInFrenchEnglishAndGerman() {
    assertThat(taxonomy.find("excel")).isNotEmpty();
    assertThat(taxonomy.find("compta")).contains("accounting");
    assertThat(taxonomy.find("Buchhaltung")).contains("accounting");
    assertThat(taxonomy.find("Comptabilité")).contains("accounting");
    assertThat(taxonomy.find("je fais de la compta et du jardinage"))
        .contains("accounting")
        .containsAll(taxonomy.find("jardinage"));
    assertThat(taxonomy.find("nothing here at all")).isEmpty();
  }

  @Test
  void labelsFollowTheLocale() {
    assertThat(taxonomy.label("accounting", Locale.FRENCH)).isEqualTo("Comptabilité");
    assertThat(taxonomy.label("accounting", Locale.GERMAN)).isEqualTo("Buchhaltung");
    assertThat(taxonomy.label("unknown_code", Locale.ENGLISH)).isEqualTo("unknown_code");
  }
}
