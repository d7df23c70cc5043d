package org.tandem.core.tenants;

/** The tenant every tenant-owned row and every query is scoped by. */
public record TenantId(long value) {
  @Override
  public String toString() {
    return "tenant#" + value;
  }
}
