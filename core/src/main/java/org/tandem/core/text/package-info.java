/** Text as people type it: folded for look-ups without accents, case or punctuation. */
package org.tandem.core.text;
