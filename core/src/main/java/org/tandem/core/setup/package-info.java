/** The setup checklist of a new company: what its installer has done, read from what exists. */
package org.tandem.core.setup;
