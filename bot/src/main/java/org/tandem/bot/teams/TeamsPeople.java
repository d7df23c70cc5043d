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

  TeamsPeople(Tenants tenants, People people) {
    this.tenants = tenants;
    this.people = people;
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
        people
            .identify(tenant.id(), IdentityKind.TEAMS, aad)
            .orElseGet(
                () ->
                    people.enrol(
                        tenant.id(),
                        IdentityKind.TEAMS,
                        aad,
                        new NewPerson(
                            activity.at("/from/name").asText(aad),
                            null,
                            locale,
                            ZoneId.of(tenant.timeZone()))));
    return new Who(tenant.id(), e.id(), e.locale(), e.timeZone(), e.roles());
  }
}
