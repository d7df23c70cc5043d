/**
 * The outbox of messages Tandem sends on its own, written once under a unique key and delivered by
 * a dispatcher, with retries; and the rule of when the monthly report goes out.
 */
package org.tandem.core.notifications;
