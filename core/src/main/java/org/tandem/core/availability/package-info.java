/**
 * When someone can volunteer, or when a mission happens: weekdays times morning/afternoon/evening.
 */
package org.tandem.core.availability;
