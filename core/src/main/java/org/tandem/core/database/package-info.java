/**
 * Where the data lives: an external PostgreSQL named by {@code spring.datasource.url}, or, when
 * none is named, an embedded PostgreSQL started in-process so a fresh clone runs with one command.
 */
package org.tandem.core.database;
