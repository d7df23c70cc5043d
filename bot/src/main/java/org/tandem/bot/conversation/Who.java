package org.tandem.bot.conversation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.TenantId;

/**
 * Who is talking: the tenant, the person, their language, time zone and roles, and the channel they
 * talk through ({@code slack}, {@code teams}, {@code web}), recorded in audit logs.
 */
public record Who(
    TenantId tenant, long employeeId, Locale locale, ZoneId zone, Set<Role> roles, String channel) {

  public Who {
    roles = Set.copyOf(roles);
  }

  /** The person, speaking their own language. */
  public static Who of(org.tandem.core.people.Employee e, String channel) {
    return of(e, e.locale(), channel);
  }

  /** The person, speaking the given language (the try-it chat lets the visitor choose). */
  public static Who of(org.tandem.core.people.Employee e, Locale locale, String channel) {
    return new Who(e.tenantId(), e.id(), locale, e.timeZone(), e.roles(), channel);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }
}
