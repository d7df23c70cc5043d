/**
 * Tandem in Slack, with Bolt for Java: the {@code /tandem} command, buttons, modals, App Home,
 * direct messages and mentions, each turned into an engine {@code Inbound} and the engine's {@code
 * Reply} rendered as Block Kit. Install by OAuth (multi-workspace) or with one bot token.
 */
package org.tandem.bot.slack;
