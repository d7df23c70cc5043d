/** The Tandem application: the conversation engine and its Slack, Teams and web channels. */
package org.tandem.bot;
