/**
 * A person's own data: the file of it they may ask for, and erasure (by an admin, or after the
 * company's retention period once the directory deactivated them), which keeps their hours in the
 * figures without a name.
 */
package org.tandem.core.privacy;
