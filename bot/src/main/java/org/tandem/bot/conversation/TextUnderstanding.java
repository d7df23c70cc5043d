package org.tandem.bot.conversation;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.core.text.SearchText;

/**
 * Reads free text in French, English or German as one of the engine's commands: "missions near
 * Esch", "trouve-moi une mission à distance", "j'ai fait 3 h hier", "mein Jahr". Keyword rules,
 * tried in order; the first that matches wins. The text itself is passed on as arguments.
 */
@Component
class TextUnderstanding {

  private record Rule(String command, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "help",
              "^(help|aide|hilfe|\\?|menu|start|bonjour|hello|hi|hallo|salut|moin)$|what can you do|que sais tu faire|was kannst du"),
          // Before the other rules: a link code may spell a keyword, as in "link YEAR-2345".
          rule("admin link", "^admin (link|lier|verknupfen)$"),
          rule("admin audit", "^admin (audit|journal|protokoll)( \\d+)?$"),
          rule("link", "^(link|lier|verknupfen)( |$)"),
          rule(
              "approvals",
              "\\b(approvals?|approve|pending|a valider|validations?|valider|genehmigungen|genehmigen|offen)\\b"),
          rule(
              "newmission",
              "\\b(new mission|create (a )?mission|nouvelle mission|creer une mission|neuer einsatz|einsatz anlegen)\\b"),
          rule("admin", "^(admin|grant|revoke|policy|politique|richtlinie|donner|retirer)\\b"),
          rule("report", "^(reports?|rapports?|bericht|berichte)\\b"),
          rule("roster", "^(roster|participants|inscrits|teilnehmer|teilnehmerliste)\\b"),
          rule(
              "year",
              "\\b(my year|mon annee|mein jahr|year|annee|jahr|bilan|allowance|forfait|kontingent)\\b"),
          rule(
              "mine",
              "\\b(my commitments|mes engagements|meine einsatze|meine anmeldungen|mine|mes missions|mes inscriptions|cancel|annuler|stornieren|upcoming|a venir)\\b"),
          rule(
              "hours",
              "^(log|hours|heures|stunden)$|\\b(log hours|my hours|mes heures|declarer des heures|saisir des heures|meine stunden|stunden erfassen)\\b"),
          rule(
              "profile",
              "\\b(profile?|my skills|mes competences|meine kenntnisse|onboarding|preferences?|einstellungen)\\b"),
          rule(
              "missions",
              "\\b(missions?|find|search|trouve|cherche|chercher|suche|finde|einsatze?|propose|suggest|near|pres de|remote|a distance|nearby|volunteer|benevolat|ehrenamt)\\b"));

  private static final Pattern LOG_WORDS =
      Pattern.compile(
          "\\b(log|logged|did|spent|j ai fait|j ai passe|fait|passe|declarer|heures|ich habe|gemacht|geleistet|erfassen|stunden|hours)\\b");

  private static Rule rule(String command, String regex) {
    return new Rule(command, Pattern.compile(regex));
  }

  /** The command the text asks for, with the text as its arguments; "hint" when none. */
  Inbound.Command understand(Who who, String text) {
    String folded = SearchText.fold(text);
    boolean amount = HoursParser.find(text).isPresent() || HoursParser.unreadable(text).isPresent();
    if (amount && LOG_WORDS.matcher(folded).find()) {
      return new Inbound.Command(who, "hours", text);
    }
    for (Rule r : RULES) {
      if (r.pattern().matcher(folded).find()) {
        return new Inbound.Command(who, r.command(), text);
      }
    }
    return new Inbound.Command(who, "hint", text);
  }
}
