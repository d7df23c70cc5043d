package org.tandem.core.places;

/** Great-circle distance on a spherical Earth (haversine), good to a few metres at this scale. */
public final class Distance {

  public static final double EARTH_RADIUS_KM = 6371.0088;

  private Distance() {}

  public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  public static double kilometres(Place a, Place b) {
    return kilometres(a.lat(), a.lon(), b.lat(), b.lon());
  }
}
