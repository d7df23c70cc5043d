/** Web pages: the local try-it chat (local mode only), rendering the engine's replies as HTML. */
package org.tandem.bot.web;
