package org.tandem.core.common;

import java.util.Locale;

/** Every reason Tandem can refuse a request for. Each has a message in three languages. */
public enum ReasonCode {
  NOT_FOUND,
  ADMINS_ONLY,
  CSR_MANAGERS_ONLY,
  ORGANISERS_ONLY,
  LAST_ADMIN,
  LINK_CODE_UNKNOWN,
  LINK_CODE_EXPIRED,
  LINK_CODE_USED,
  LINK_SAME_TENANT,
  LINK_SAME_PLATFORM,
  LINK_TENANT_HAS_DATA,
  LINK_DEMO_COMPANY,
  NOT_YOURS,
  MISSION_NOT_OPEN,
  MISSION_CANCELLED,
  ALREADY_COMMITTED,
  ALREADY_CANCELLED,
  CONFLICT_DECLARATION_REQUIRED,
  COMMITMENT_NOT_ACTIVE,
  HOURS_NOT_POSITIVE,
  HOURS_NOT_QUARTER,
  HOURS_OVER_DAY,
  HOURS_IN_FUTURE,
  HOURS_BEFORE_MISSION,
  HOURS_OVER_ALLOWANCE,
  HOURS_ALREADY_DECIDED,
  SELF_APPROVAL,
  NOTE_TOO_LONG,
  INVALID_INPUT,
  UNKNOWN_PLACE;

  /** The key of this reason's message in {@code i18n/refusals*.properties}. */
  public String messageKey() {
    return "refusal." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
