package org.tandem.bot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.bot.conversation.Who;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * Who is talking, in Tandem's terms: the workspace's tenant, and the employee behind a Slack user
 * id, created on first contact from {@code users.info} (name, locale, time zone, email when the
 * scope allows). Slack ids are scoped by workspace: a user of workspace A is never a person of B.
 */
class SlackPeople {

  private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

  private final Tenants tenants;
  private final People people;
  private final Slack slack;
  private final List<String> configuredAdmins;
  private final SlackUnreachable unreachable;
  private volatile String adminWorkspace;

  SlackPeople(
      Tenants tenants,
      People people,
      Slack slack,
      List<String> configuredAdmins,
      SlackUnreachable unreachable) {
    this.tenants = tenants;
    this.people = people;
    this.slack = slack;
    this.configuredAdmins = configuredAdmins;
    this.unreachable = unreachable;
  }

  /**
   * The person, enrolled on first contact; {@code botToken} may be null when no call is allowed.
   */
  Who who(String teamId, String teamName, String userId, String botToken) {
    Tenant tenant =
        tenants.findOrCreate(Platform.SLACK, teamId, teamName == null ? teamId : teamName, "LU");
    Employee e =
        people.enrol(
            tenant.id(), IdentityKind.SLACK, userId, () -> lookUp(userId, botToken, tenant));
    // They write to Tandem: whatever Slack said of them before, they can be reached again.
    unreachable.clear(tenant.id(), userId);
    if (configuredAdmins.contains(userId)
        && !e.has(Role.ADMIN)
        && teamId.equals(botTokenWorkspace(botToken))) {
      e = people.bootstrap(tenant.id(), e.id(), Role.ADMIN);
    }
    return Who.of(e, "slack");
  }

  /**
   * The workspace {@code TANDEM_ADMINS} belongs to: the bot token's, from {@code auth.test} (asked
   * once). Null while it cannot be known, and then nobody is made admin from the configuration.
   */
  private String botTokenWorkspace(String botToken) {
    String known = adminWorkspace;
    if (known != null || botToken == null) {
      return known;
    }
    try {
      var r = slack.methods(botToken).authTest(q -> q);
      if (r.isOk() && r.getTeamId() != null) {
        adminWorkspace = r.getTeamId();
      } else {
        log.warn("auth.test failed: {}", r.getError());
      }
    } catch (Exception ex) {
      log.warn("auth.test failed", ex);
    }
    return adminWorkspace;
  }

  /**
   * The person who installed Tandem, enrolled (their Slack profile asked outside any transaction);
   * making them admin is the caller's, in the transaction that queues their welcome.
   */
  Employee installer(Tenant tenant, String userId, String botToken) {
    return people.enrol(
        tenant.id(), IdentityKind.SLACK, userId, () -> lookUp(userId, botToken, tenant));
  }

  private NewPerson lookUp(String userId, String botToken, Tenant tenant) {
    ZoneId zone = ZoneId.of(tenant.timeZone());
    if (botToken != null) {
      try {
        UsersInfoResponse r =
            slack.methods(botToken).usersInfo(q -> q.user(userId).includeLocale(true));
        if (r.isOk() && r.getUser() != null) {
          User u = r.getUser();
          String name =
              Optional.ofNullable(u.getRealName())
                  .filter(n -> !n.isBlank())
                  .orElse(Optional.ofNullable(u.getName()).orElse(userId));
          Locale locale =
              u.getLocale() == null ? Locale.ENGLISH : Locale.forLanguageTag(u.getLocale());
          ZoneId tz = zone;
          try {
            tz = u.getTz() == null ? zone : ZoneId.of(u.getTz());
          } catch (java.time.DateTimeException e) {
            log.debug("Unknown time zone {} for {}", u.getTz(), userId);
          }
          String email = u.getProfile() == null ? null : u.getProfile().getEmail();
          return new NewPerson(name, email, locale, tz);
        }
        log.warn("users.info for {} failed: {}", userId, r.getError());
      } catch (Exception e) {
        log.warn("users.info for {} failed", userId, e);
      }
    }
    return new NewPerson(userId, null, Locale.ENGLISH, zone);
  }
}
