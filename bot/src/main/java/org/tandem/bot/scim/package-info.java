/**
 * SCIM 2.0 service provider at {@code /scim/v2} (RFC 7643, RFC 7644): the protocol only (JSON,
 * filters, PATCH paths, errors); what a provisioned person may be is decided by core's {@code
 * people.Provisioning}.
 */
package org.tandem.bot.scim;
