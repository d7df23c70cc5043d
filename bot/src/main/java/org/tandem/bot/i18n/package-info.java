/** Message bundles in French, English and German, shared by the engine and report rendering. */
package org.tandem.bot.i18n;
