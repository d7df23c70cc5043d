package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.associations.Association;
import org.tandem.core.availability.Availability;
import org.tandem.core.availability.DayPart;
import org.tandem.core.causes.Cause;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionDraft;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Schedule;
import org.tandem.core.missions.TeamSize;
import org.tandem.core.people.Employee;
import org.tandem.core.skills.SkillTaxonomy;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** Order and reasons on a crafted dataset around Differdange and Esch-sur-Alzette. */
@DatabaseTest
class MatchingTest {

  @Autowired Fixtures fixtures;
  @Autowired Matching matching;
  @Autowired Missions missions;
  @Autowired Commitments commitments;
  @Autowired SkillTaxonomy skills;
  @Autowired org.tandem.core.people.People people;

  TenantId tenant;
  Employee ana;
  Association caritas;

  @BeforeEach
  void crafted() {
    tenant = fixtures.company();
    ana = fixtures.accountantInDifferdange(tenant);
    caritas = fixtures.association(tenant, "Caritas", Cause.SOCIAL_INCLUSION);
  }

  private Mission flexible(
      String title,
      List<String> skillCodes,
      MissionMode mode,
      String place,
      Availability slots,
      List<String> languages) {
    return fixtures.mission(
        tenant,
        new MissionDraft(
            caritas.id(),
            title,
            "",
            skillCodes,
            List.of(Cause.HEALTH),
            languages,
            mode,
            place == null ? null : fixtures.place(place),
            Schedule.FLEXIBLE,
            List.of(),
            slots,
            new BigDecimal("2"),
            4,
            TeamSize.SINGLE));
  }

  private List<String> titles(MatchQuery query) {
    return matching.propose(tenant, ana.id(), query, 10, 0).stream().map(Proposal::title).toList();
  }

  @Test
  void skillFitDistanceAvailabilityAndLanguageOrderTheProposals() {
    Availability thursdayEvening = Availability.of(DayOfWeek.THURSDAY, DayPart.EVENING);
    Availability mondayMorning = Availability.of(DayOfWeek.MONDAY, DayPart.MORNING);
    flexible(
        "Books in Esch, Thursdays",
        List.of("accounting", "spreadsheets"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        thursdayEvening,
        List.of("fr"));
    flexible(
        "Books in Esch, Mondays",
        List.of("accounting", "spreadsheets"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        mondayMorning,
        List.of("fr"));
    flexible(
        "Books remote",
        List.of("accounting"),
        MissionMode.REMOTE,
        null,
        Availability.NONE,
        List.of("en"));
    flexible(
        "Garden nearby",
        List.of("gardening"),
        MissionMode.ONSITE,
        "Differdange",
        thursdayEvening,
        List.of("fr"));
    flexible(
        "Books in German only",
        List.of("accounting", "spreadsheets"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        thursdayEvening,
        List.of("de"));
    flexible(
        "Books in Metz, too far",
        List.of("accounting", "spreadsheets"),
        MissionMode.ONSITE,
        "Metz",
        thursdayEvening,
        List.of("fr"));

    List<String> titles = titles(MatchQuery.profileOnly());

    assertThat(titles)
        .containsExactly(
            "Books in Esch, Thursdays",
            "Books in Esch, Mondays",
            "Books remote",
            "Books in German only",
            "Garden nearby");
  }

  @Test
  void theReasonSaysSkillsDistanceAndSlotsInTheUsersLanguage() {
    flexible(
        "Books in Esch",
        List.of("accounting", "spreadsheets"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        Availability.of(DayOfWeek.THURSDAY, DayPart.EVENING),
        List.of("fr"));
    Proposal p = matching.propose(tenant, ana.id(), MatchQuery.profileOnly(), 10, 0).get(0);
    assertThat(p.distanceKm()).isBetween(6.0, 8.0);
    String accounting = skills.label("accounting", Locale.ENGLISH).toLowerCase(Locale.ROOT);
    assertThat(p.reason(Locale.ENGLISH, skills))
        .startsWith("uses your " + accounting)
        .contains(" skills · 7\u00a0km from Differdange · Thursday evenings");
    assertThat(p.reason(Locale.FRENCH, skills))
        .startsWith("mobilise vos compétences en ")
        .contains("· à 7\u00a0km de Differdange · jeudi soir");
    assertThat(p.reason(Locale.GERMAN, skills))
        .startsWith("nutzt Ihre Kenntnisse in " + skills.label("accounting", Locale.GERMAN))
        .contains("7\u00a0km von Differdange · Donnerstag abends");
  }

  @Test
  void remoteIsAlwaysEligibleAndOnSiteOnlyWithinTravelRange() {
    flexible(
        "Remote far away",
        List.of("gardening"),
        MissionMode.REMOTE,
        null,
        Availability.NONE,
        List.of());
    flexible(
        "On site in Paris",
        List.of("accounting"),
        MissionMode.ONSITE,
        "Paris",
        Availability.NONE,
        List.of());
    flexible(
        "Hybrid in Paris",
        List.of("accounting"),
        MissionMode.HYBRID,
        "Paris",
        Availability.NONE,
        List.of());
    assertThat(titles(MatchQuery.profileOnly()))
        .containsExactlyInAnyOrder("Hybrid in Paris", "Remote far away");
    assertThat(titles(MatchQuery.profileOnly().near(fixtures.place("Paris"))))
        .contains("On site in Paris");
    Proposal hybrid =
        matching.propose(tenant, ana.id(), MatchQuery.profileOnly(), 10, 0).stream()
            .filter(p -> p.title().equals("Hybrid in Paris"))
            .findFirst()
            .orElseThrow();
    assertThat(hybrid.distanceKm()).isNull();
    assertThat(hybrid.reason(Locale.ENGLISH, skills)).contains("remote, or on site in Paris");
  }

  @Test
  void remoteNoHidesRemoteMissionsAndFarHybridOnesUnlessRemoteIsAskedFor() {
    flexible(
        "Remote far away",
        List.of("accounting"),
        MissionMode.REMOTE,
        null,
        Availability.NONE,
        List.of());
    flexible(
        "Hybrid in Paris",
        List.of("accounting"),
        MissionMode.HYBRID,
        "Paris",
        Availability.NONE,
        List.of());
    flexible(
        "Hybrid in Esch",
        List.of("accounting"),
        MissionMode.HYBRID,
        "Esch-sur-Alzette",
        Availability.NONE,
        List.of());
    flexible(
        "On site in Esch",
        List.of("accounting"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        Availability.NONE,
        List.of());
    var p = ana.profile();
    people.updateProfile(
        tenant,
        ana.id(),
        new org.tandem.core.people.Profile(
            p.skills(),
            p.place(),
            p.travelKm(),
            false,
            p.causes(),
            p.languages(),
            p.availability()));
    assertThat(titles(MatchQuery.profileOnly()))
        .containsExactlyInAnyOrder("On site in Esch", "Hybrid in Esch");
    assertThat(titles(MatchQuery.profileOnly().onlyRemote()))
        .contains("Remote far away", "Hybrid in Paris");
  }

  @Test
  void filtersNarrowTheProposals() {
    flexible(
        "Remote books",
        List.of("accounting"),
        MissionMode.REMOTE,
        null,
        Availability.NONE,
        List.of());
    flexible(
        "Esch books",
        List.of("accounting"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        Availability.NONE,
        List.of());
    flexible(
        "Esch garden",
        List.of("gardening"),
        MissionMode.ONSITE,
        "Esch-sur-Alzette",
        Availability.NONE,
        List.of());
    assertThat(titles(MatchQuery.profileOnly().onlyRemote())).containsExactly("Remote books");
    assertThat(titles(MatchQuery.profileOnly().skill("gardening"))).containsExactly("Esch garden");
    assertThat(titles(MatchQuery.profileOnly().cause(Cause.ANIMALS))).isEmpty();
    assertThat(titles(MatchQuery.profileOnly().cause(Cause.HEALTH))).hasSize(3);
  }

  @Test
  void missionsWithASessionInTheWindowOrFlexibleMatchADateFilter() {
    Mission nextWeek =
        fixtures.mission(
            tenant,
            Fixtures.draft(
                caritas.id(),
                "Next week",
                List.of("accounting"),
                MissionMode.REMOTE,
                null,
                3,
                Fixtures.evening(1),
                Fixtures.evening(8)));
    fixtures.mission(
        tenant,
        Fixtures.draft(
            caritas.id(),
            "In two months",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            3,
            Fixtures.evening(60)));
    fixtures.mission(
        tenant,
        Fixtures.draft(
            caritas.id(), "Whenever", List.of("accounting"), MissionMode.REMOTE, null, 3));
    java.time.LocalDate today = java.time.LocalDate.now(Fixtures.LUXEMBOURG);
    assertThat(titles(MatchQuery.profileOnly().between(today, today.plusDays(6))))
        .containsExactlyInAnyOrder(nextWeek.title(), "Whenever");
  }

  @Test
  void committedDismissedFullAndPastMissionsAreNotProposed() {
    Mission committed =
        flexible(
            "Committed",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            Availability.NONE,
            List.of());
    Mission dismissed =
        flexible(
            "Dismissed",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            Availability.NONE,
            List.of());
    Mission closed =
        flexible(
            "Closed",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            Availability.NONE,
            List.of());
    fixtures.mission(
        tenant,
        Fixtures.draft(
            caritas.id(),
            "Past",
            List.of("accounting"),
            MissionMode.REMOTE,
            null,
            3,
            Fixtures.evening(-3)));
    flexible(
        "Still open",
        List.of("accounting"),
        MissionMode.REMOTE,
        null,
        Availability.NONE,
        List.of());
    commitments.commit(tenant, ana.id(), committed.id(), false).value();
    matching.dismiss(tenant, ana.id(), dismissed.id());
    missions.close(tenant, fixtures.csrManager(tenant, "Claire Martin").id(), closed.id()).value();
    assertThat(titles(MatchQuery.profileOnly())).containsExactly("Still open");
  }

  @Test
  void pagingGivesTheNextProposalsWithoutRepeats() {
    for (int i = 0; i < 12; i++) {
      flexible(
          "Remote " + i,
          List.of("accounting"),
          MissionMode.REMOTE,
          null,
          Availability.NONE,
          List.of());
    }
    List<Long> first =
        matching.propose(tenant, ana.id(), MatchQuery.profileOnly(), 5, 0).stream()
            .map(Proposal::missionId)
            .toList();
    List<Long> second =
        matching.propose(tenant, ana.id(), MatchQuery.profileOnly(), 5, 5).stream()
            .map(Proposal::missionId)
            .toList();
    List<Long> third =
        matching.propose(tenant, ana.id(), MatchQuery.profileOnly(), 5, 10).stream()
            .map(Proposal::missionId)
            .toList();
    assertThat(first).hasSize(5).doesNotContainAnyElementsOf(second);
    assertThat(second).hasSize(5);
    assertThat(third).hasSize(2);
  }
}
