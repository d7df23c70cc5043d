package org.tandem.core.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GazetteerTest {

  static final Gazetteer gazetteer = new Gazetteer();

  @Test
  void holdsFranceLuxembourgAndTheBorder() {
    assertThat(gazetteer.size()).isGreaterThan(9000);
  }

  @Test
  void looksUpWithoutAccentsOrCase() {
    Place esch = gazetteer.locate("esch sur alzette", null).orElseThrow();
    assertThat(esch.name()).isEqualTo("Esch-sur-Alzette");
    assertThat(esch.country()).isEqualTo("LU");
    assertThat(gazetteer.locate("ESCH-SUR-ALZETTE", null)).contains(esch);
    assertThat(gazetteer.locate("  Esch sur Alzette ", "FR")).contains(esch);
    assertThat(gazetteer.locate("esch sur sure", null).orElseThrow().name())
        .isEqualTo("Esch-sur-Sûre");
    assertThat(gazetteer.locate("thionville", null).orElseThrow().country()).isEqualTo("FR");
  }

  @Test
  void findsTheBelgianAndGermanBorder() {
    assertThat(gazetteer.locate("arlon", null).orElseThrow().country()).isEqualTo("BE");
    assertThat(gazetteer.locate("Trier", null).orElseThrow().country()).isEqualTo("DE");
  }

  @Test
  void saintAbbreviationsAndCountrySuffixes() {
    assertThat(gazetteer.locate("st avold", null).orElseThrow().name()).isEqualTo("Saint-Avold");
    assertThat(gazetteer.locate("Luxembourg, LU", null).orElseThrow().country()).isEqualTo("LU");
  }

  @Test
  void suggestsByPrefixBestFirst() {
    assertThat(gazetteer.suggest("differ", "LU", 5))
        .first()
        .extracting(Place::name)
        .isEqualTo("Differdange");
    assertThat(gazetteer.suggest("esch", "LU", 2))
        .extracting(Place::name)
        .containsExactlyInAnyOrder("Esch-sur-Alzette", "Esch-sur-Sûre");
    assertThat(gazetteer.locate("esch", "LU").orElseThrow().name()).isEqualTo("Esch-sur-Alzette");
    assertThat(gazetteer.suggest("", "LU", 3)).isEmpty();
    assertThat(gazetteer.locate("xyzzy nowhere", null)).isEmpty();
  }

  @Test
  void greatCircleDistance() {
    Place lux = gazetteer.locate("Luxembourg", null).orElseThrow();
    Place metz = gazetteer.locate("Metz", null).orElseThrow();
    assertThat(Distance.kilometres(lux, metz)).isCloseTo(55.6, within(1.0));
    assertThat(Distance.kilometres(lux, lux)).isZero();
    // Paris - Luxembourg, 287 km as the crow flies
    Place paris = gazetteer.locate("Paris", null).orElseThrow();
    assertThat(Distance.kilometres(paris, lux)).isCloseTo(287, within(3.0));
  }
}
