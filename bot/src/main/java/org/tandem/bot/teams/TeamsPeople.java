package org.tandem.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Locale;
import org.tandem.bot.conversation.Who;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/** The tenant (an Azure AD tenant) and the employee (an AAD object id) behind an activity. */
class TeamsPeople {

  private final Tenants tenants;
  private final People people;
  private final BotConnector connector;

  TeamsPeople(Tenants tenants, People people, BotConnector connector) {
    this.tenants = tenants;
    this.people = people;
    this.connector = connector;
  }

  Who who(JsonNode activity) {
    String tenantId =
        activity
            .at("/conversation/tenantId")
            .asText(activity.at("/channelData/tenant/id").asText());
    Tenant tenant = tenants.findOrCreate(Platform.TEAMS, tenantId, tenantId, "LU");
    String aad = activity.at("/from/aadObjectId").asText(activity.at("/from/id").asText());
    Locale locale = Locale.forLanguageTag(activity.path("locale").asText("en"));
    Employee e =
        people.enrol(
            tenant.id(),
            IdentityKind.TEAMS,
            aad,
            () -> newPerson(activity, aad, locale, ZoneId.of(tenant.timeZone())));
    return Who.of(e, "teams");
  }

  /**
   * The person who added Tandem: admin and CSR manager if nobody runs Tandem for the tenant yet. In
   * Teams every user may add the app for themselves, so only the first one is.
   */
  Who installedBy(Who who) {
    return Who.of(people.installedByFirst(who.tenant(), who.employeeId()), "teams");
  }

  /**
   * On first contact, the member's name and email from the connector; a known email links the Teams
   * identity to the person already there instead of making a second one.
   */
  private NewPerson newPerson(JsonNode activity, String aad, Locale locale, ZoneId zone) {
    String name = activity.at("/from/name").asText(aad);
    String email = null;
    var member =
        connector.member(
            activity.path("serviceUrl").asText(),
            activity.at("/conversation/id").asText(),
            activity.at("/from/id").asText());
    if (member.isPresent()) {
      name = member.get().path("name").asText(name);
      String mail =
          member.get().path("email").asText(member.get().path("userPrincipalName").asText(""));
      email = mail.contains("@") ? mail : null;
    }
    return new NewPerson(name, email, locale, zone);
  }
}
