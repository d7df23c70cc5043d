/**
 * The skill taxonomy: families and skills labelled in French, English and German, from office work
 * to manual trades, and the free-text synonyms ("excel", "compta", "Buchhaltung") that map into it.
 * The taxonomy is owned by a Flyway migration and read once.
 */
package org.tandem.core.skills;
