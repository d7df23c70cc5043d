package org.tandem.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.bot.support.Chat.assertNotice;
import static org.tandem.bot.support.Chat.cards;
import static org.tandem.bot.support.Chat.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.Chat;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.hours.Hours;
import org.tandem.core.hours.HoursRequest;
import org.tandem.core.missions.Mission;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/** Every intent answers in French, from the first word to the last button. */
@BotTest
class FrenchIntentsTest {

  @Autowired ConversationEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Hours hours;
  @Autowired People people;

  TenantId tenant;
  Employee ana;
  Mission workshop;
  Chat chat;

  @BeforeEach
  void setUp() {
    tenant = fixtures.company();
    ana = fixtures.accountantInDifferdange(tenant);
    workshop = fixtures.workshopInEsch(tenant, 2);
    chat = new Chat(engine, ana, Locale.FRENCH);
  }

  @Test
  void aideProfilDetailsEtPasPourMoi() {
    assertThat(cards(chat.say("aide")).get(0).title()).isEqualTo("Bonjour, je suis Tandem");
    Reply profil = chat.say("mon profil");
    assertThat(form(profil).title()).isEqualTo("Votre profil de bénévole");
    assertThat(form(profil).intro()).contains("Modifiez ce que vous voulez");
    assertThat(chat.submitForm(Map.of("travelKm", List.of("mille"))).plainText())
        .contains("entre 0 et 500");
    assertThat(chat.submitForm(Map.of("travelKm", List.of("25"))).plainText())
        .contains("Profil enregistré");

    Reply details =
        chat.click("mission.details", Map.of("missionId", Long.toString(workshop.id())));
    assertThat(details.plainText())
        .contains("Où\u00a0: Esch-sur-Alzette")
        .contains("Places\u00a0: 0 prise sur 2")
        .contains("Seul·e");
    assertThat(chat.click("mission.dismiss").plainText()).contains("je ne vous la proposerai plus");
  }

  @Test
  void mesEngagementsAnnulerEtMonAnnee() {
    assertThat(chat.say("mes engagements").plainText())
        .contains("Vous n'avez encore aucun engagement");
    Commitment c = commitments.commit(tenant, ana.id(), workshop.id(), false).value();
    hours
        .log(
            tenant,
            ana.id(),
            HoursRequest.onWorkTime(c.id(), LocalDate.now(Fixtures.LUXEMBOURG), 90, ""))
        .value();
    Reply mine = chat.say("mes engagements");
    assertThat(mine.plainText()).contains("Votre engagement").contains("Statut\u00a0: Confirmé");
    assertThat(cards(mine).get(0).buttons())
        .extracting(Reply.Button::label)
        .containsExactly("Déclarer des heures", "Détails", "Annuler");
    Reply annee = chat.say("mon année");
    assertThat(annee.plainText())
        .contains("En attente de validation\u00a0: 1,5\u00a0h")
        .contains("Causes soutenues");
    assertThat(
            chat.click("commitment.cancel", Map.of("commitmentId", Long.toString(c.id())))
                .plainText())
        .contains("Annuler votre place pour Bookkeeping workshop\u00a0?");
    assertThat(chat.click("commitment.cancel.confirm").plainText()).contains("Annulé");
    assertNotice(
        chat.click("commitment.cancel", Map.of("commitmentId", Long.toString(c.id()))),
        Reply.Notice.Level.WARNING,
        "déjà annulé");
  }

  @Test
  void responsableRseEtAdministrateur() {
    Employee claire =
        people.bootstrap(tenant, fixtures.person(tenant, "Claire").id(), Role.CSR_MANAGER);
    claire = people.bootstrap(tenant, claire.id(), Role.ADMIN);
    Chat rse = new Chat(engine, claire, Locale.FRENCH);
    assertThat(rse.say("à valider").plainText()).contains("Rien n'attend votre validation");
    assertThat(form(rse.say("nouvelle mission")).title()).isEqualTo("Nouvelle mission");
    assertThat(rse.say("admin").plainText())
        .contains("Politique d'Acme")
        .contains("Forfait annuel sur le temps de travail");
    assertThat(rse.say("admin grant ana csr").plainText())
        .contains("Ana Lopes est désormais responsable RSE");
    assertThat(rse.say("qwerty").plainText()).contains("Je n'ai pas bien compris");
  }
}
