/** The demo tenant loaded in local mode, so the try-it chat has people, missions and hours. */
package org.tandem.bot.demo;
