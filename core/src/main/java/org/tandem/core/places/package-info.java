/**
 * Places: an offline gazetteer of France, Luxembourg and the Belgian and German border (GeoNames,
 * CC-BY 4.0), great-circle distance, and the {@link org.tandem.core.places.Geocoder} port a real
 * geocoding service can implement instead.
 */
package org.tandem.core.places;
