/** Secrets at rest: the AES-GCM cipher that keeps chat platform tokens encrypted in PostgreSQL. */
package org.tandem.bot.security;
