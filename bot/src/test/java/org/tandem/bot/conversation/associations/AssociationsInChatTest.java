package org.tandem.bot.conversation.associations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.associations.Associations;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * Associations in chat, in a company created by an install (no demo data): the form, its refusals,
 * duplicates answered with the association already there, the list and its search, archiving, and
 * the mission form's association search and "New association".
 */
@BotTest
class AssociationsInChatTest {

  static final String NBSP = "\u00a0";

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired People people;
  @Autowired Associations associations;

  /** A new company whose installer (admin and CSR manager) speaks {@code locale}. */
  Chat installer(TenantId tenant, Locale locale) {
    Employee claire = fixtures.person(tenant, "Claire Weber");
    people.installedBy(tenant, claire.id());
    return new Chat(engine, people.find(tenant, claire.id()).orElseThrow(), locale);
  }

  static Map<String, List<String>> v(String... pairs) {
    Map<String, List<String>> m = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : List.of(pairs[i + 1]));
    }
    return m;
  }

  @Test
  void aCsrManagerRegistersAnAssociationAndDuplicatesAreAnsweredWithTheOneAlreadyThere() {
    TenantId tenant = fixtures.company();
    Chat fr = installer(tenant, Locale.FRENCH);

    Reply.Form form = Chat.form(fr.say("nouvelle association Croix-Rouge"));
    assertThat(form.title()).isEqualTo("Nouvelle association");
    assertThat(Chat.field(fr.last, "name").values()).containsExactly("Croix-Rouge");
    assertThat(Chat.field(fr.last, "legalIdKind").options()).hasSize(6);

    // A SIREN whose check digit is wrong: a polite message on its field, nothing registered.
    fr.submitForm(v("registrationId", "732 829 321", "place", "Esch-sur-Alzette"));
    assertThat(Chat.error(fr.last, "registrationId"))
        .contains("clé de contrôle")
        .contains(NBSP + ":");
    assertThat(Chat.field(fr.last, "place").values()).containsExactly("Esch-sur-Alzette");
    fr.submitForm(v("registrationId", "W123", "legalIdKind", "FR_RNA"));
    assertThat(Chat.error(fr.last, "registrationId"))
        .isEqualTo("Un numéro RNA s'écrit W suivi de 9 chiffres, par exemple W572004318.");
    fr.submitForm(v("registrationId", "VR 4711", "legalIdKind", ""));
    assertThat(Chat.error(fr.last, "legalIdKind")).contains("numéro" + NBSP + "?");
    fr.submitForm(v("registrationId", "", "website", "not a site", "legalIdKind", ""));
    assertThat(Chat.error(fr.last, "website")).contains(NBSP + ":");
    fr.submitForm(v("website", "", "coordinatorEmail", "claire-at-example"));
    assertThat(Chat.error(fr.last, "coordinatorEmail")).isNotNull();
    assertThat(associations.all(tenant)).isEmpty();

    fr.submitForm(
        v(
            "registrationId",
            "f 1234",
            "website",
            "croix-rouge.lu",
            "coordinatorEmail",
            "lis@croix-rouge.lu",
            "coordinatorName",
            "Lis Bettendorf"));
    Reply.Card card = Chat.cards(fr.last).get(0);
    assertThat(card.title()).isEqualTo("Croix-Rouge");
    assertThat(card.facts())
        .extracting(Reply.Fact::value)
        .contains("RCS F1234", "Esch-sur-Alzette", "https://croix-rouge.lu");
    assertThat(fr.last.plainText()).contains("L'association «" + NBSP + "Croix-Rouge" + NBSP + "»");

    // Same folded name, or same legal identifier: the existing association, nothing created.
    fr.say("nouvelle association");
    fr.submitForm(v("name", "CROIX ROUGE a.s.b.l."));
    assertThat(fr.last.parts().get(0)).isInstanceOf(Reply.Notice.class);
    assertThat(fr.last.plainText()).contains("Croix-Rouge est déjà enregistrée" + NBSP + ":");
    assertThat(Chat.cards(fr.last).get(0).title()).isEqualTo("Croix-Rouge");
    fr.say("nouvelle association");
    fr.submitForm(v("name", "Red Cross", "registrationId", "F1234"));
    assertThat(fr.last.plainText())
        .contains("Croix-Rouge")
        .contains("est déjà enregistrée avec cet identifiant légal");
    assertThat(associations.all(tenant)).hasSize(1);

    // Edit: the form comes back filled in; a rename onto another association's name is refused.
    fr.say("nouvelle association Les Restos du Cœur");
    fr.submitForm(Map.of());
    Reply.Button edit =
        Chat.cards(fr.say("associations croix")).get(1).buttons().stream()
            .filter(b -> b.actionId().equals("association.edit"))
            .findFirst()
            .orElseThrow();
    fr.click(edit.actionId(), edit.data());
    assertThat(Chat.form(fr.last).title()).isEqualTo("Modifier l'association");
    assertThat(Chat.field(fr.last, "registrationId").values()).containsExactly("F1234");
    assertThat(Chat.field(fr.last, "legalIdKind").values()).containsExactly("LU_RCS");
    fr.submitForm(v("website", "https://www.croix-rouge.lu/fr"));
    assertThat(fr.last.plainText())
        .contains("Association «" + NBSP + "Croix-Rouge" + NBSP + "» enregistrée");
    fr.click(edit.actionId(), edit.data());
    fr.submitForm(v("name", "les restos du coeur"));
    assertThat(fr.last.plainText()).contains("Les Restos du Cœur est déjà enregistrée");
    assertThat(associations.search(tenant, "croix", 0, 5).items())
        .extracting(a -> a.website())
        .containsExactly("https://www.croix-rouge.lu/fr");
  }

  @Test
  void aGermanRegisterNumberTypedWithItsPrefixIsShownWithItOnce() {
    TenantId tenant = fixtures.company();
    Chat de = installer(tenant, Locale.GERMAN);
    de.say("neuer verein Tafel Trier");
    de.submitForm(v("registrationId", "VR 12345 B", "legalIdKind", "DE"));
    assertThat(
            Chat.cards(de.say("vereine tafel")).stream()
                .flatMap(c -> c.facts().stream())
                .filter(f -> f.label().equals("Registernummer"))
                .map(Reply.Fact::value))
        .containsExactly("VR 12345 B");
  }

  @Test
  void theListIsSearchedPagedAndArchivedAssociationsLeaveIt() {
    TenantId tenant = fixtures.company();
    Chat en = installer(tenant, Locale.ENGLISH);
    Reply empty = en.say("associations");
    assertThat(Chat.cards(empty).get(0).title()).isEqualTo("No association yet.");
    assertThat(Chat.cards(empty).get(0).buttons())
        .extracting(Reply.Button::actionId)
        .contains("association.new");
    for (int i = 1; i <= 7; i++) {
      en.say("new association");
      en.submitForm(v("name", "Jardin " + i));
    }
    en.say("new association");
    en.submitForm(v("name", "Repair Café"));

    Reply first = en.say("associations");
    assertThat(Chat.cards(first).get(0).title()).isEqualTo("8 associations");
    assertThat(Chat.cards(first)).hasSize(1 + AssociationsIntent.PAGE);
    Reply second = en.click("associations.more");
    assertThat(Chat.cards(second)).extracting(Reply.Card::title).hasSize(3);
    assertThat(second.parts()).noneMatch(p -> p instanceof Reply.More);

    Reply search = en.say("associations jardin");
    assertThat(Chat.cards(search).get(0).title()).isEqualTo("7 associations match \"jardin\"");
    Reply accents = en.command("associations", "REPAIR cafe");
    assertThat(Chat.cards(accents)).extracting(Reply.Card::title).contains("Repair Café");

    Reply.Card repair = Chat.cards(accents).get(1);
    Reply.Button archive =
        repair.buttons().stream()
            .filter(b -> b.actionId().equals("association.archive"))
            .findFirst()
            .orElseThrow();
    Reply archived = en.click(archive.actionId(), archive.data());
    assertThat(archived.plainText()).contains("\"Repair Café\" is archived");
    assertThat(Chat.cards(en.say("associations repair")).get(0).title())
        .isEqualTo("No association matches \"repair\".");
    assertThat(Chat.cards(en.click("associations.archived", Map.of())))
        .extracting(Reply.Card::title)
        .contains("1 archived association", "Repair Café");

    // An employee sees the list, without Edit or Archive, and a crafted click changes nothing.
    Chat tom = new Chat(engine, fixtures.person(tenant, "Tom"), Locale.GERMAN);
    assertThat(Chat.cards(tom.say("vereine")).get(1).buttons()).isEmpty();
    assertThat(tom.click("association.archive", archive.data()).plainText())
        .contains("CSR-Verantwortlichen");
    assertThat(tom.say("neuer verein").plainText()).contains("CSR-Verantwortlichen");
    tom.submit("association", v("name", "Sneaky e.V."), Map.of());
    assertThat(tom.last.plainText()).contains("CSR-Verantwortlichen");
    assertThat(associations.search(tenant, "sneaky", 0, 5).items()).isEmpty();
  }

  @Test
  void theMissionFormSearchesAssociationsAndRegistersANewOneWithoutLosingWhatWasTyped() {
    TenantId tenant = fixtures.company();
    Chat en = installer(tenant, Locale.ENGLISH);

    // An empty company: no choices, a note, and "New association" among the form's submits.
    en.say("newmission");
    Reply.Field field = Chat.field(en.last, "association");
    assertThat(field.type()).isEqualTo(Reply.FieldType.SEARCH);
    assertThat(field.options()).isEmpty();
    assertThat(field.placeholder())
        .isEqualTo("No association yet: register one with New association.");
    assertThat(Chat.form(en.last).submits())
        .extracting(b -> b.data().get("via"))
        .containsExactly("search", "new");

    // "New association": the mission form is set aside, the association form opens with the name.
    en.submit(
        "mission",
        Map.of(
            "title", List.of("Bike repair evenings"),
            "hoursPerSession", List.of("2"),
            "association.q", List.of("Vëlo Club")),
        Map.of("via", "new"));
    Reply.Form associationForm = Chat.form(en.last);
    assertThat(associationForm.id()).isEqualTo("association");
    assertThat(associationForm.context()).containsKey("parked");
    assertThat(Chat.field(en.last, "name").values()).containsExactly("Vëlo Club");
    en.submit(
        "association",
        Map.of("name", List.of("Vëlo Club"), "place", List.of("Esch-sur-Alzette")),
        associationForm.context());
    Reply.Form back = Chat.form(en.last);
    assertThat(back.id()).isEqualTo("mission");
    assertThat(back.intro()).isEqualTo("\"Vëlo Club\" is chosen: finish your mission and save it.");
    assertThat(Chat.field(en.last, "title").values()).containsExactly("Bike repair evenings");
    long velo = associations.search(tenant, "velo", 0, 1).items().get(0).id();
    assertThat(Chat.field(en.last, "association").values()).containsExactly(Long.toString(velo));

    // Search: typed text narrows the choices; the form keeps everything else.
    en.say("new association");
    en.submitForm(v("name", "Caritas Luxembourg"));
    en.say("newmission");
    en.submit(
        "mission",
        Map.of(
            "title", List.of("Tutoring"),
            "capacity", List.of("3"),
            "hoursPerSession", List.of("2"),
            "association.q", List.of("carit")),
        Map.of());
    // The submit above had no "via": it is a save, refused on the association, values kept.
    assertThat(Chat.error(en.last, "association")).isEqualTo("Please choose an association.");
    en.submit(
        "mission",
        Map.of("title", List.of("Tutoring"), "association.q", List.of("carit")),
        Map.of("via", "search"));
    Reply.Field searched = Chat.field(en.last, "association");
    assertThat(searched.query()).isEqualTo("carit");
    assertThat(searched.options())
        .extracting(Reply.Option::label)
        .containsExactly("Caritas Luxembourg");
    assertThat(Chat.form(en.last).intro())
        .isEqualTo("1 association matches \"carit\": choose it below.");
    assertThat(Chat.field(en.last, "title").values()).containsExactly("Tutoring");

    // What Slack's external select offers as the person types.
    assertThat(engine.suggest(en.who(), "mission", "LUX", "").size()).isZero();
    assertThat(engine.suggest(en.who(), "mission", "association", "vel"))
        .extracting(Reply.Option::label)
        .containsExactly("Vëlo Club", "New association…");
    assertThat(engine.suggest(en.who(), "nope", "association", "vel")).isEmpty();

    // A name already registered, from the mission form: it is chosen there at once.
    en.submit("mission", Map.of("title", List.of("Tutoring")), Map.of("via", "new"));
    String parked = Chat.form(en.last).context().get("parked");
    en.submit(
        "association",
        Map.of("name", List.of("CARITAS luxembourg asbl")),
        Map.of("parked", parked));
    assertThat(Chat.form(en.last).id()).isEqualTo("mission");
    assertThat(Chat.form(en.last).intro()).contains("Caritas Luxembourg is already registered");
    assertThat(associations.all(tenant)).hasSize(2);
  }
}
