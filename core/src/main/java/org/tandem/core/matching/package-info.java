/**
 * Ranking open missions for an employee by skill fit, distance, availability, causes and language,
 * with the reason a person can read. Candidates come from bounded index walks in PostgreSQL
 * (nearest missions by a GiST index, newest missions per skill by a b-tree), and only those few
 * hundred are scored, so the cost does not grow with the number of missions.
 */
package org.tandem.core.matching;
