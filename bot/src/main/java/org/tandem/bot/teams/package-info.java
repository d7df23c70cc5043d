/**
 * Tandem in Microsoft Teams through the Bot Framework protocol itself (the Java SDK is retired):
 * {@code /api/messages} with Bot Framework JWT validation, replies through the Bot Connector REST
 * API v3, the engine's replies rendered as Adaptive Cards.
 */
package org.tandem.bot.teams;
