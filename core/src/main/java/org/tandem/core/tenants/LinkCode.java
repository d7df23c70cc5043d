package org.tandem.core.tenants;

import java.time.Instant;

/** A one-time code that links another platform's workspace or tenant to this one. */
public record LinkCode(String code, Instant expiresAt) {}
