/**
 * The weekly digest: on the day each subscriber chose, from 08:00 in their time zone, up to three
 * missions published since their last digest that fit them, worked out for a whole company at once.
 */
package org.tandem.core.digest;
