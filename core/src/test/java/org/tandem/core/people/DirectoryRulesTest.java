package org.tandem.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.TenantId;
import org.tandem.core.tenants.Tenants;

/**
 * The directory's rules as SCIM, a file and the chat meet them through {@link People#setWorkplace}
 * and {@link People#setManager}, in a company created by an install.
 */
@DatabaseTest
class DirectoryRulesTest {

  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired Fixtures fixtures;

  TenantId company() {
    return tenants
        .findOrCreate(Platform.SLACK, "T" + java.util.UUID.randomUUID(), "Fresh Ltd", "LU")
        .id();
  }

  @Test
  void aWorkplaceIsTrimmedAndItsCountryUpperCased() {
    TenantId t = company();
    Employee ana = fixtures.person(t, "Ana Lopes");
    Employee saved = people.setWorkplace(t, ana.id(), "  Esch\tHQ ", " Finance ", " lu ").value();
    assertThat(saved.site()).isEqualTo("Esch HQ");
    assertThat(saved.department()).isEqualTo("Finance");
    assertThat(saved.country()).isEqualTo("LU");
    Employee cleared = people.setWorkplace(t, ana.id(), " ", null, "").value();
    assertThat(cleared.site()).isNull();
    assertThat(cleared.department()).isNull();
    assertThat(cleared.country()).isNull();
  }

  @Test
  void anUnknownCountryOrATooLongValueIsRefusedOnItsFieldAndChangesNothing() {
    TenantId t = company();
    Employee ana = fixtures.person(t, "Ana Lopes");
    people.setWorkplace(t, ana.id(), "Esch", "Finance", "LU").value();

    Outcome<Employee> country = people.setWorkplace(t, ana.id(), "Metz", "IT", "XX");
    assertThat(country.refusal().code()).isEqualTo(ReasonCode.UNKNOWN_COUNTRY);
    assertThat(country.refusal().field()).isEqualTo("country");
    assertThat(people.setWorkplace(t, ana.id(), "Metz", "IT", "FRA").refusal().code())
        .isEqualTo(ReasonCode.UNKNOWN_COUNTRY);
    Outcome<Employee> site = people.setWorkplace(t, ana.id(), "x".repeat(101), "IT", "FR");
    assertThat(site.refusal().field()).isEqualTo("site");
    assertThat(site.refusal().message(Locale.FRENCH)).contains("100");
    Outcome<Employee> department = people.setWorkplace(t, ana.id(), "Metz", "y".repeat(101), "FR");
    assertThat(department.refusal().field()).isEqualTo("department");

    Employee kept = people.find(t, ana.id()).orElseThrow();
    assertThat(kept.site()).isEqualTo("Esch");
    assertThat(kept.country()).isEqualTo("LU");
  }

  @Test
  void nobodyManagesThemselves() {
    TenantId t = company();
    Employee ana = fixtures.person(t, "Ana Lopes");
    Outcome<Employee> o = people.setManager(t, ana.id(), ana.id());
    assertThat(o.refusal().code()).isEqualTo(ReasonCode.SELF_MANAGER);
    assertThat(o.refusal().message(Locale.GERMAN)).contains("selbst");
    assertThat(people.find(t, ana.id()).orElseThrow().managerId()).isNull();
  }

  @Test
  void aLoopOfManagersOfAnyLengthIsRefusedAndAChainIsNot() {
    TenantId t = company();
    Employee a = fixtures.person(t, "Alice");
    Employee b = fixtures.person(t, "Bruno");
    Employee c = fixtures.person(t, "Chloé");
    Employee d = fixtures.person(t, "Dieter");
    people.setManager(t, b.id(), a.id()).value(); // Alice manages Bruno
    people.setManager(t, c.id(), b.id()).value(); // Bruno manages Chloé
    people.setManager(t, d.id(), c.id()).value(); // Chloé manages Dieter

    Outcome<Employee> two = people.setManager(t, a.id(), b.id());
    assertThat(two.refusal().code()).isEqualTo(ReasonCode.MANAGER_LOOP);
    assertThat(two.refusal().message(Locale.ENGLISH)).contains("Bruno");
    assertThat(people.setManager(t, a.id(), d.id()).refusal().code())
        .isEqualTo(ReasonCode.MANAGER_LOOP);
    assertThat(people.find(t, a.id()).orElseThrow().managerId()).isNull();

    // Moving Dieter under Alice directly is no loop; nor is clearing a manager.
    assertThat(people.setManager(t, d.id(), a.id()).value().managerId()).isEqualTo(a.id());
    assertThat(people.setManager(t, c.id(), null).value().managerId()).isNull();
    // With Chloé no longer under Bruno, Chloé may manage Alice.
    assertThat(people.setManager(t, a.id(), c.id()).isDone()).isTrue();
  }

  @Test
  void aManagerOfAnotherCompanyIsNotFound() {
    TenantId t = company();
    TenantId other = company();
    Employee ana = fixtures.person(t, "Ana Lopes");
    Employee stranger = fixtures.person(other, "Stranger");
    assertThat(people.setManager(t, ana.id(), stranger.id()).refusal().code())
        .isEqualTo(ReasonCode.NOT_FOUND);
  }
}
