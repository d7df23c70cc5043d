package org.tandem.core.associations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.causes.Cause;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.missions.MissionMode;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** Legal identifiers, duplicates, archiving and the search, decided by core and the database. */
@DatabaseTest
class AssociationRulesTest {

  @Autowired Associations associations;
  @Autowired Missions missions;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  static AssociationDraft draft(String name, LegalId.Kind kind, String legalId) {
    return new AssociationDraft(
        name,
        "",
        List.of(Cause.SOCIAL_INCLUSION),
        null,
        null,
        kind,
        legalId,
        null,
        "Lis Bettendorf",
        "lis@example.org");
  }

  @Test
  void legalIdentifiersAreReadForTheirRegisterAndNormalised() {
    assertThat(LegalId.read(null, " w572 004 318 ").id())
        .isEqualTo(new LegalId(LegalId.Kind.FR_RNA, "W572004318"));
    assertThat(LegalId.read(null, "732 829 320").id())
        .isEqualTo(new LegalId(LegalId.Kind.FR_SIREN, "732829320"));
    assertThat(LegalId.read(null, "732.829.320.00074").id())
        .isEqualTo(new LegalId(LegalId.Kind.FR_SIRET, "73282932000074"));
    assertThat(LegalId.read(null, "f 11482").id())
        .isEqualTo(new LegalId(LegalId.Kind.LU_RCS, "F11482"));
    assertThat(LegalId.read(LegalId.Kind.DE, "  VR  4711,   Amtsgericht Trier ").id())
        .isEqualTo(new LegalId(LegalId.Kind.DE, "VR 4711, Amtsgericht Trier"));
    assertThat(LegalId.read(LegalId.Kind.BE, "0712.468.395").id().value())
        .isEqualTo("0712.468.395");
    // La Poste's SIRETs have their own check.
    assertThat(LegalId.read(LegalId.Kind.FR_SIRET, "35600000000048").problem()).isNull();

    assertThat(LegalId.read(null, "732829321").problem())
        .isEqualTo(LegalId.Problem.BAD_CHECK_DIGIT);
    assertThat(LegalId.read(LegalId.Kind.FR_RNA, "W12345").problem())
        .isEqualTo(LegalId.Problem.BAD_FORMAT);
    assertThat(LegalId.read(LegalId.Kind.LU_RCS, "B12345").problem())
        .isEqualTo(LegalId.Problem.BAD_FORMAT);
    assertThat(LegalId.read(null, "VR 4711").problem()).isEqualTo(LegalId.Problem.KIND_NEEDED);
    assertThat(LegalId.read(LegalId.Kind.DE, "Amtsgericht").problem())
        .isEqualTo(LegalId.Problem.BAD_FORMAT);
  }

  @Test
  void aLegalIdentifierIsWrittenWithItsRegisterOnce() {
    assertThat(LegalId.read(LegalId.Kind.DE, "VR 12345 B").id().written()).isEqualTo("VR 12345 B");
    assertThat(LegalId.read(LegalId.Kind.DE, "12345 B").id().written()).isEqualTo("VR 12345 B");
    assertThat(LegalId.read(LegalId.Kind.DE, "vr12345").id().written()).isEqualTo("vr12345");
    // "VRB" is not the register's name followed by a number: the name is still put first.
    assertThat(new LegalId(LegalId.Kind.DE, "VRB 7").written()).isEqualTo("VR VRB 7");
    assertThat(LegalId.read(LegalId.Kind.BE, "KBO 0712.468.395").id().written())
        .isEqualTo("KBO 0712.468.395");
    assertThat(LegalId.read(LegalId.Kind.BE, "0712.468.395").id().written())
        .isEqualTo("BCE/KBO 0712.468.395");
    assertThat(LegalId.read(null, "w572004318").id().written()).isEqualTo("RNA W572004318");
  }

  @Test
  void anInvalidIdentifierOrWebsiteIsRefusedOnItsFieldAndChangesNothing() {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.csrManager(tenant, "Claire");
    var bad = associations.register(tenant, claire.id(), draft("Caritas", null, "732829321"));
    assertThat(bad.refusal().code()).isEqualTo(ReasonCode.LEGAL_ID_CHECK_DIGIT);
    assertThat(bad.refusal().field()).isEqualTo("registrationId");
    var noKind = associations.register(tenant, claire.id(), draft("Caritas", null, "VR 12"));
    assertThat(noKind.refusal().code()).isEqualTo(ReasonCode.LEGAL_ID_KIND_NEEDED);
    assertThat(noKind.refusal().field()).isEqualTo("legalIdKind");
    var site =
        associations.register(
            tenant,
            claire.id(),
            new AssociationDraft(
                "Caritas",
                "",
                List.of(),
                null,
                null,
                null,
                null,
                "javascript:alert(1)",
                null,
                null));
    assertThat(site.refusal().code()).isEqualTo(ReasonCode.WEBSITE_INVALID);
    assertThat(associations.all(tenant)).isEmpty();

    var ok =
        associations.register(
            tenant,
            claire.id(),
            new AssociationDraft(
                "Caritas", "", List.of(), null, null, null, null, "caritas.lu", null, null));
    assertThat(ok.value().website()).isEqualTo("https://caritas.lu");
  }

  @Test
  void theSameLegalIdentifierOrFoldedNameIsRefusedWithTheAssociationAlreadyThere() {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Association croix =
        associations
            .register(
                tenant,
                claire.id(),
                draft("Croix-Rouge Luxembourgeoise a.s.b.l.", LegalId.Kind.LU_RCS, "F 1234"))
            .value();
    Association siren =
        associations
            .register(tenant, claire.id(), draft("Les Restos", null, "732 829 320"))
            .value();

    Outcome<Association> sameName =
        associations.register(
            tenant, claire.id(), draft("  CROIX ROUGE luxembourgeoise, ASBL ", null, null));
    assertThat(sameName.refusal().code()).isEqualTo(ReasonCode.ASSOCIATION_SAME_NAME);
    assertThat(associations.existing(tenant, sameName.refusal()).map(Association::id))
        .contains(croix.id());

    Outcome<Association> sameId =
        associations.register(
            tenant, claire.id(), draft("Red Cross Luxembourg", LegalId.Kind.LU_RCS, "F1234"));
    assertThat(sameId.refusal().code()).isEqualTo(ReasonCode.ASSOCIATION_SAME_LEGAL_ID);
    assertThat(associations.existing(tenant, sameId.refusal()).map(Association::id))
        .contains(croix.id());

    // A SIRET of the same SIREN is the same legal person.
    Outcome<Association> siret =
        associations.register(tenant, claire.id(), draft("Restos Metz", null, "73282932000074"));
    assertThat(associations.existing(tenant, siret.refusal()).map(Association::id))
        .contains(siren.id());

    Outcome<Association> german =
        associations.register(tenant, claire.id(), draft("Tafel Trier e.V.", null, null));
    assertThat(german.isDone()).isTrue();
    assertThat(
            associations
                .register(tenant, claire.id(), draft("Täfel Trier eV", null, null))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.ASSOCIATION_SAME_NAME);
    // An edit may keep its own name and number, not take another's.
    assertThat(
            associations
                .edit(
                    tenant,
                    claire.id(),
                    croix.id(),
                    draft("Croix-Rouge luxembourgeoise", LegalId.Kind.LU_RCS, "F1234"))
                .isDone())
        .isTrue();
    assertThat(
            associations
                .edit(tenant, claire.id(), croix.id(), draft("Les Restos!", null, null))
                .refusal()
                .code())
        .isEqualTo(ReasonCode.ASSOCIATION_SAME_NAME);
    // Another company may register the same association.
    TenantId other = fixtures.company();
    Employee bob = fixtures.csrManager(other, "Bob");
    assertThat(
            associations
                .register(other, bob.id(), draft("Croix-Rouge luxembourgeoise", null, "F1234"))
                .isDone())
        .isTrue();
  }

  @Test
  void twoRegistrationsOfTheSameAssociationAtOnceEndWithOne() throws Exception {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Employee admin = fixtures.importer(tenant);
    int n = 8;
    CyclicBarrier start = new CyclicBarrier(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<Outcome<Association>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        long actor = i % 2 == 0 ? claire.id() : admin.id();
        String name = i % 2 == 0 ? "Banque alimentaire" : "BANQUE ALIMENTAIRE asbl";
        Callable<Outcome<Association>> register =
            () -> {
              start.await();
              return associations.register(tenant, actor, draft(name, null, null));
            };
        results.add(pool.submit(register));
      }
      int done = 0;
      for (Future<Outcome<Association>> f : results) {
        Outcome<Association> o = f.get();
        if (o.isDone()) {
          done++;
        } else {
          assertThat(o.refusal().code()).isEqualTo(ReasonCode.ASSOCIATION_SAME_NAME);
        }
      }
      assertThat(done).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(associations.all(tenant)).hasSize(1);
  }

  @Test
  void archivedAssociationsLeaveSearchesAndNewMissionsButKeepTheirOwn() {
    TenantId tenant = fixtures.company();
    Employee claire = fixtures.csrManager(tenant, "Claire");
    Employee tom = fixtures.person(tenant, "Tom");
    for (String name :
        List.of("Éco-Jardin", "Jardin des Enfants", "Les Jardiniers", "Repair Café", "Zèbre")) {
      associations.register(tenant, claire.id(), draft(name, null, null)).value();
    }
    Association repair = associations.search(tenant, "repair", 0, 10).items().get(0);
    var mission =
        missions
            .create(
                tenant,
                claire.id(),
                Fixtures.draft(
                    repair.id(),
                    "Fix bikes",
                    List.of(),
                    MissionMode.ONSITE,
                    fixtures.place("Esch-sur-Alzette"),
                    4,
                    Fixtures.evening(5)),
                true)
            .value();

    assertThat(associations.archive(tenant, tom.id(), repair.id(), true).refusal().code())
        .isEqualTo(ReasonCode.CSR_MANAGERS_ONLY);
    assertThat(associations.archive(tenant, claire.id(), repair.id(), true).value().archived())
        .isTrue();
    assertThat(associations.search(tenant, "repair", 0, 10).items()).isEmpty();
    assertThat(missions.find(tenant, mission.id())).isPresent();
    var another =
        missions.create(
            tenant,
            claire.id(),
            Fixtures.draft(
                repair.id(),
                "Fix more bikes",
                List.of(),
                MissionMode.ONSITE,
                fixtures.place("Esch-sur-Alzette"),
                4,
                Fixtures.evening(6)),
            true);
    assertThat(another.refusal().code()).isEqualTo(ReasonCode.ASSOCIATION_ARCHIVED);
    assertThat(another.refusal().field()).isEqualTo("association");

    // Folded: "jardin" finds the accented one; names starting with it come first.
    var jardin = associations.search(tenant, "JARDIN", 0, 2);
    assertThat(jardin.items())
        .extracting(Association::name)
        .containsExactly("Jardin des Enfants", "Éco-Jardin");
    assertThat(jardin.more()).isTrue();
    var next = associations.search(tenant, "jardin", 2, 2);
    assertThat(next.items()).extracting(Association::name).containsExactly("Les Jardiniers");
    assertThat(next.more()).isFalse();
    assertThat(associations.search(tenant, "", 0, 10).items()).hasSize(4);

    assertThat(associations.archive(tenant, claire.id(), repair.id(), false).value().archived())
        .isFalse();
    assertThat(associations.search(tenant, "répair", 0, 10).items()).hasSize(1);
  }

  @Test
  void theDatabaseFoldsNamesAndKeysNumbers() {
    assertThat(fold("Croix-Rouge Luxembourgeoise a.s.b.l."))
        .isEqualTo("croix rouge luxembourgeoise");
    assertThat(fold("Association Les Amis de l'Œuvre")).isEqualTo("les amis de l oeuvre");
    assertThat(fold("Straßenkinder e.V.")).isEqualTo("strassenkinder");
    assertThat(fold("Gemeinnützige Tafel gGmbH")).isEqualTo("tafel");
    assertThat(fold("ASBL")).isEqualTo("asbl");
    assertThat(
            jdbc.sql("select association_legal_key('FR_SIRET', '73282932000074')")
                .query(String.class)
                .single())
        .isEqualTo("FR_SIREN:732829320");
  }

  private String fold(String name) {
    return jdbc.sql("select association_fold(?)").param(name).query(String.class).single();
  }
}
