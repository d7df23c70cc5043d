/** What every feature shares: outcomes of a use case and the reasons a request is refused. */
package org.tandem.core.common;
