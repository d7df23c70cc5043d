package org.tandem.bot.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.core.text.SearchText;

/**
 * Reads free text in French, English or German as one of the engine's commands: "missions near
 * Esch", "trouve-moi une mission à distance", "j'ai fait 3 h hier", "mein Jahr". Keyword rules on
 * the folded text (lower case, no accents, no punctuation), tried in order; the first that matches
 * wins. The text itself is passed on as arguments. The corpus in the tests ({@code utterances.tsv})
 * measures how often a real sentence reaches the right command.
 */
@Component
class TextUnderstanding {

  private record Rule(String command, Pattern pattern) {}

  /**
   * Most specific first: a greeting, a link code, a report or a roster (which name missions and
   * years), approvals, creating a mission, admin; then what belongs to the person ("my year", "my
   * missions", "my profile") before the open search for missions, so "any missions this year?"
   * looks for missions and "mes missions" lists the person's own.
   */
  private static final List<Rule> RULES =
      List.of(
          rule(
              "help",
              "^(help|aide|hilfe|menu|start|bonjour|bonsoir|hello|hi|hey|hallo|salut|coucou|moin|servus|good morning|guten tag|guten morgen)$"
                  + "|^$|what can (you|i) (do|ask)|que sais tu faire|tu sers a quoi|comment ca marche|how does (this|it) work"
                  + "|was kannst du|wie funktioniert|\\bhelp me\\b|besoin d aide|brauche hilfe"),
          // Before the other rules: a link code may spell a keyword, as in "link YEAR-2345".
          rule("admin link", "^admin (link|lier|verknupfen)$"),
          rule("admin audit", "^admin (audit|journal|protokoll)( \\d+)?$"),
          rule("admin erase", "^admin (erase|effacer|loschen)( |$)"),
          rule(
              "my data",
              "^(my (personal )?data|mes donnees( personnelles)?|meine (personlichen )?daten)$"),
          rule("link", "^(link|lier|verknupfen)( |$)"),
          // "associations croix", "nouvelle association Caritas": the command's words first.
          rule("new association", "^(new association|nouvelle association|neuer verein)\\b"),
          rule("associations", "^(associations|vereine)\\b"),
          // "campaign Giving week", "campagnes": a campaign by its name, or the list.
          rule("campaigns", "^(campaigns|campagnes|kampagnen)$"),
          rule("campaign", "^(campaign|campagne|kampagne)( |$)"),
          // "person Claire", "personne claire@acme.lu": an admin opens a directory entry.
          rule("person", "^(person|personne) (?!ne\\b)\\S"),
          rule(
              "report",
              "^(reports?|rapports?|bericht|berichte)\\b"
                  + "|\\b(participation|taux de participation|teilnahmequote|beteiligung|statisti\\w*|auswertung"
                  + "|csr report|rapport rse|how many employees|combien de salaries|wie viele mitarbeit\\w*"
                  + "|by (site|department|cause|association|month|skill)|par (site|departement|cause|association|mois)"
                  + "|nach (standort|abteilung|ursache|monat|verein))\\b"),
          rule(
              "roster",
              "^(roster|participants|inscrits|teilnehmer|teilnehmerliste)\\b"
                  + "|\\b(who (signed up|registered|is coming|comes)|list of participants|qui est inscrit|qui vient"
                  + "|liste des inscrits|wer kommt|wer hat sich)\\b"),
          rule(
              "approvals",
              "\\b(approvals?|approve|approuver|approbations?|a valider|validations?|valider|validate"
                  + "|genehmigungen|genehmigen|freigaben?|waiting for (me|my approval)|offene antrage)\\b"),
          rule(
              "newmission",
              "\\b(new mission|create (a )?mission|(add|post) a mission|nouvelle mission|(creer|ajouter|publier) une mission"
                  + "|neuer einsatz|neue mission|einsatz (anlegen|erstellen)|mission erstellen)\\b"),
          rule(
              "admin",
              "^(admin|grant|revoke|policy|politique|richtlinie|donner|retirer|verwaltung)\\b|\\bcompany settings\\b"),
          rule(
              "mine",
              "\\b(my commitments|mes engagements|meine einsatze|meine anmeldungen|meine missionen|meine termine|mine"
                  + "|my missions|mes missions|mes inscriptions|cancel|annuler|stornieren|absagen|abmelden|desinscri\\w*"
                  + "|upcoming|a venir|bevorstehende?|coming up|sign ups?|signed up|sign up for|registered for|registrations"
                  + "|am i on|my next mission|ma prochaine mission|mes prochaines|mein nachster einsatz"
                  + "|suis je inscrit\\w*|je suis inscrit\\w*|bin ich angemeldet)\\b"),
          rule(
              "year",
              "^(year|annee|jahr)$|\\b(my year|mon annee|mein jahr|bilan|bilanz|allowance|forfait|kontingent"
                  + "|how many hours|combien d heures|wie viele stunden|wie viel zeit|time do i have left|hours left"
                  + "|il me reste|my total|mon total|my summary|my balance|mon solde|mon recapitulatif"
                  + "|jahresubersicht|meine ubersicht|mein stand|ou j en suis|how am i doing|so far)\\b"),
          rule(
              "hours",
              "^(log|hours|heures|stunden)$|\\b(log hours|log time|my hours|mes heures|declarer des heures"
                  + "|saisir des heures|enregistrer mes heures|record my hours|track my time|meine stunden"
                  + "|stunden (erfassen|eintragen)|zeit erfassen)\\b"),
          // Before "profile", which takes "settings": what Tandem sends and when is its own page.
          rule(
              "notifications",
              "\\b(notifications?|benachrichtigung(en)?|quiet hours|heures calmes|ruhezeit(en)?"
                  + "|do not disturb|ne pas deranger|nicht storen)\\b"),
          rule(
              "profile",
              "\\b(profile?|profil|my skills|mes competences|meine kenntnisse|meine fahigkeiten|kenntnisse|onboarding"
                  + "|preferences?|einstellungen|settings|reglages|availability|disponibilites|verfugbarkeit"
                  + "|moved to|demenage|umgezogen|home town|ma ville|don t want remote)\\b"),
          rule(
              "missions",
              "\\b(missions?|missionen|find|search|trouve|cherche|chercher|suche|finde|einsatze?|propose|suggest"
                  + "|vorschlage|near|pres de|pres d|remote|a distance|nearby|volunteer\\w*|benevol\\w*|ehrenamt\\w*"
                  + "|opportunit\\w*|available|from home|looking for|disponibles?|dispo|associations?|anything new|quoi de neuf|what s open"
                  + "|ouvertes?|offene?|frei|engagieren|where can i help|ou puis je aider|wo kann ich helfen"
                  + "|was kann ich tun|ideas|idees|commit|gibt es (etwas|was) fur|something for|quelque chose pour|homeoffice|online|en ligne|teletravail|show me what|montre moi)\\b"));

  /** Words that say hours were given: with an amount of time, the sentence logs hours. */
  private static final Pattern LOG_WORDS =
      Pattern.compile(
          "\\b(log|logged|did|done|spent|worked|volunteered|gave|add|put down|record|track|j ai|fait|passe"
              + "|declarer|noter|ajoute|compter|bosse|donne|ete|ich habe|ich war|gemacht|geleistet|erfassen"
              + "|eintragen|hours?|heures?|stunden?|std|minuten?)\\b");

  /** A sentence about missions ("a 2 h mission near Esch") is a search even with an amount. */
  private static final Pattern MISSION_WORDS =
      Pattern.compile("\\b(missions?|missionen|einsatze?|opportunit\\w*|near|pres de|remote)\\b");

  /** What is left of "3h", "2 h 30" once the amount is taken out: nothing but the amount. */
  private static final Pattern AMOUNT_ONLY =
      Pattern.compile(
          "^\\d+( \\d+)? ?(h|hr|hrs|hours?|heures?|std|stunden?|min|minutes?|minuten)( ?\\d+)?$");

  private static Rule rule(String command, String regex) {
    return new Rule(command, Pattern.compile(regex));
  }

  /** The command the text asks for, with the text as its arguments; "hint" when none. */
  Inbound.Command understand(Who who, String text) {
    String folded = SearchText.fold(text);
    if (loggingHours(who, text, folded)) {
      return new Inbound.Command(who, "hours", text);
    }
    for (Rule r : RULES) {
      if (r.pattern().matcher(folded).find()) {
        return new Inbound.Command(who, r.command(), args(r.command(), text, folded));
      }
    }
    return new Inbound.Command(who, "hint", text);
  }

  /**
   * An amount of time with a word of logging or a date ("3h tomorrow", "2h30 jeudi") is hours to
   * log, whatever the date: a future one is then refused by the core with its reason, rather than
   * the sentence being misread as something else.
   */
  private static boolean loggingHours(Who who, String text, String folded) {
    // "log 1e9h" is an amount too, unreadable: the hours dialog says why it is refused.
    if (HoursParser.find(text).isEmpty() && HoursParser.unreadable(text).isEmpty()) {
      return false;
    }
    boolean logWords = LOG_WORDS.matcher(folded).find();
    if (MISSION_WORDS.matcher(folded).find() && !logWords) {
      return false;
    }
    return logWords
        || AMOUNT_ONLY.matcher(folded).matches()
        || DateParser.parse(text, LocalDate.now(who.zone())).isPresent();
  }

  private static final Pattern NUMBER = Pattern.compile("#?\\b(\\d{1,9})\\b");

  /** "who signed up for mission 12?": the roster is asked for by the mission's number. */
  private static String args(String command, String text, String folded) {
    if (command.equals("roster")
        && !folded.matches("^(roster|participants|inscrits|teilnehmer|teilnehmerliste)\\b.*")) {
      Matcher n = NUMBER.matcher(text);
      if (n.find()) {
        return n.group(1);
      }
    }
    return text;
  }
}
