package org.tandem.core.people;

/** What a person may do in Tandem. Everyone is an employee; some are CSR managers or admins. */
public enum Role {
  EMPLOYEE,
  CSR_MANAGER,
  ADMIN
}
