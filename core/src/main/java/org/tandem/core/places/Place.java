package org.tandem.core.places;

/** A named place on the map. Country is ISO 3166-1 alpha-2 ("LU", "FR", "BE", "DE"). */
public record Place(String name, String country, String region, double lat, double lon) {

  /** "Esch-sur-Alzette (LU)": how the place is shown to a person. */
  public String label() {
    return name + " (" + country + ")";
  }
}
