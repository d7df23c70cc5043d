/** The causes missions serve, each tagged with the UN Sustainable Development Goals it advances. */
package org.tandem.core.causes;
