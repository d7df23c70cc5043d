/**
 * Secrets at rest (the AES-GCM cipher that keeps chat platform tokens encrypted in PostgreSQL), and
 * who may read the actuator on the application port.
 */
package org.tandem.bot.security;
