package org.tandem.core.tenants;

/** What happens to hours that go over the yearly allowance on work time. */
public enum OverAllowance {
  /** Refuse the entry, with the hours left. */
  REFUSE,
  /** Accept the entry and flag it for the CSR manager. */
  FLAG
}
