package org.tandem.bot.conversation.admin;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Outcome;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.tenants.Tenants;

/**
 * "admin audit" (journal, protokoll): the trail of admin actions, newest first, ten at a time or as
 * many as asked ("admin audit 30", at most 50), with a button for older ones. The core decides who
 * reads it (admins) and records the actions.
 */
@Component
class AdminAuditIntent implements Handler {

  static final int PAGE = 10;
  private static final Pattern COUNT = Pattern.compile("(\\d{1,4})\\s*$");

  /** Policy fields the trail names, in the order of the policy card, and the label of each. */
  private static final List<Map.Entry<String, String>> LABELS =
      List.of(
          Map.entry("allowance", "policy.allowance"),
          Map.entry("managerApproval", "policy.managerApproval"),
          Map.entry("hoursApproval", "policy.hoursApproval"),
          Map.entry("overAllowance", "policy.overAllowance"),
          Map.entry("rate", "policy.rate"),
          Map.entry("currency", "policy.currency"),
          Map.entry("sector", "policy.sector"),
          Map.entry("country", "policy.country"),
          Map.entry("turnover", "policy.turnover"));

  private final AdminAudit audit;
  private final Tenants tenants;

  AdminAuditIntent(AdminAudit audit, Tenants tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin audit", "admin journal", "admin protokoll");
  }

  @Override
  public Set<String> actions() {
    return Set.of("admin.audit.more");
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Matcher m = COUNT.matcher(command.args() == null ? "" : command.args().strip());
    int limit = m.find() ? Integer.parseInt(m.group(1)) : PAGE;
    return page(command.who(), limit, null, texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    OptionalLong before = Ids.parse(action.get("olderThan"));
    OptionalLong limit = Ids.parse(action.get("limit"));
    return page(
        action.who(),
        (int) Math.min(limit.orElse(PAGE), AdminAudit.MAX_PAGE),
        before.isPresent() ? before.getAsLong() : null,
        texts);
  }

  private Reply page(Who who, int limit, Long olderThan, Texts texts) {
    int size = Math.max(1, Math.min(limit, AdminAudit.MAX_PAGE));
    Outcome<AdminAudit.Page> o = audit.read(who.tenant(), who.employeeId(), size, olderThan);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    AdminAudit.Page page = o.value();
    String company = tenants.find(who.tenant()).orElseThrow().name();
    if (page.entries().isEmpty()) {
      return Reply.notice(Reply.Notice.Level.INFO, texts.t("audit.empty", company));
    }
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(texts.locale())
            .withZone(who.zone());
    List<Fact> facts = new ArrayList<>();
    for (AdminAudit.Entry e : page.entries()) {
      facts.add(
          new Fact(when.format(e.at()) + " · " + actor(e, texts), describe(e, texts, who.zone())));
    }
    Reply reply =
        Reply.of(
            new Reply.Card(texts.t("audit.title", company), null, facts, null, List.of(), null));
    if (page.olderThan() != null) {
      reply =
          reply.then(
              Reply.of(
                  new Reply.More(
                      texts.t("audit.more"),
                      "admin.audit.more",
                      Map.of(
                          "olderThan",
                          Long.toString(page.olderThan()),
                          "limit",
                          Integer.toString(size)))));
    }
    return reply;
  }

  /** One entry in the reader's language: what was done, and what changed. */
  static String describe(AdminAudit.Entry e, Texts texts, java.time.ZoneId zone) {
    Map<String, String> d = e.detail();
    String kind = "audit.kind." + e.kind().name().toLowerCase(Locale.ROOT);
    return switch (e.kind()) {
      case INSTALLED -> texts.t(kind, role(d.get("role"), texts));
      case ROLE_GRANTED, ROLE_REVOKED ->
          texts.t(kind, d.getOrDefault("person", ""), role(d.get("role"), texts));
      case LINK_CODE_ISSUED -> texts.t(kind, expiry(d.get("expires"), texts, zone));
      case TENANT_LINKED -> texts.t(kind, d.getOrDefault("linked", ""));
      case UNINSTALLED -> texts.t(kind, d.getOrDefault("workspace", ""));
      case IMPORTED ->
          d.containsKey("directory")
              ? texts.t(
                  "audit.kind.imported.directory",
                  d.get("directory"),
                  d.getOrDefault("added", "0"),
                  d.getOrDefault("updated", "0"),
                  count(d.get("skipped")))
              : d.containsKey("association")
                  ? texts.t("audit.kind.imported.association", d.get("association"))
                  : texts.t(kind, d.getOrDefault("mission", ""));
      case POLICY_CHANGED ->
          d.isEmpty() || "true".equals(d.get("confirmed"))
              ? texts.t(kind + ".confirmed")
              : texts.t(kind) + texts.colon() + policyChanges(d, texts);
      case SCIM_TOKEN_ISSUED ->
          texts.t("true".equals(d.get("replaced")) ? kind + ".replaced" : kind);
      case PERSON_DEACTIVATED -> deactivated(d, kind, texts);
      case PERSON_REACTIVATED -> texts.t(kind, d.getOrDefault("person", ""));
      case COUNTRY_OVERRIDE -> countryChanges(d, texts);
      case ERASED -> texts.t(kind, d.getOrDefault("person", ""));
      case DIRECTORY_CHANGED -> texts.t(kind, d.getOrDefault("person", "")) + directory(d, texts);
      case SETUP_STEP ->
          texts.t("DIRECTORY".equals(d.get("step")) ? kind + ".directory" : kind + ".announcement");
    };
  }

  /** A count recorded as text, as a number so the message chooses its plural ("1 line"). */
  private static long count(String recorded) {
    try {
      return recorded == null ? 0 : Long.parseLong(recorded);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** "... deactivated Léa, who is no longer a CSR manager and an admin": the roles lost. */
  private static String deactivated(Map<String, String> d, String kind, Texts texts) {
    String roles = d.getOrDefault("roles", "");
    if (roles.isBlank()) {
      return texts.t(kind, d.getOrDefault("person", ""));
    }
    List<String> names = new ArrayList<>();
    for (String r : roles.split(",")) {
      names.add(role(r, texts));
    }
    return texts.t(kind + ".roles", d.getOrDefault("person", ""), String.join(", ", names));
  }

  /** A country's rules set (what changed) or removed. */
  private static String countryChanges(Map<String, String> d, Texts texts) {
    String country = CountryRulesDialog.countryName(d.getOrDefault("country", ""), texts);
    if ("true".equals(d.get("removed"))) {
      return texts.t("audit.kind.country_override.removed", country);
    }
    Map<String, String> changed = new java.util.LinkedHashMap<>(d);
    changed.remove("country");
    return texts.t("audit.kind.country_override", country)
        + texts.colon()
        + policyChanges(changed, texts);
  }

  /** "site Esch → Metz; line manager → Boss", with the labels of the person card. */
  private static String directory(Map<String, String> d, Texts texts) {
    List<String> shown = new ArrayList<>();
    for (String field : List.of("site", "department", "country", "manager")) {
      if (d.containsKey(field)) {
        shown.add(texts.t("person." + field) + " " + change(d.get(field), texts));
      }
    }
    return shown.isEmpty() ? "" : texts.colon() + String.join(texts.semicolon(), shown);
  }

  /** Each field changed, in the policy card's order, with its label in the reader's language. */
  private static String policyChanges(Map<String, String> d, Texts texts) {
    List<String> shown = new ArrayList<>();
    java.util.Set<String> named = new java.util.HashSet<>();
    for (Map.Entry<String, String> field : LABELS) {
      named.add(field.getKey());
      if (d.containsKey(field.getKey())) {
        shown.add(texts.t(field.getValue()) + " " + change(d.get(field.getKey()), texts));
      }
    }
    d.forEach(
        (k, v) -> {
          if (!named.contains(k)) {
            shown.add(k + " " + change(v, texts));
          }
        });
    return String.join(texts.semicolon(), shown);
  }

  private static String role(String role, Texts texts) {
    return role == null ? "" : texts.t("role." + role.toLowerCase(Locale.ROOT));
  }

  private static String expiry(String instant, Texts texts, java.time.ZoneId zone) {
    try {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
          .withLocale(texts.locale())
          .withZone(zone)
          .format(java.time.Instant.parse(instant));
    } catch (RuntimeException e) {
      return String.valueOf(instant);
    }
  }

  /** "0 -> 24" as "0 → 24", yes and no in the reader's language. */
  private static String change(String value, Texts texts) {
    String[] sides = value.split(" -> ", 2);
    if (sides.length != 2) {
      return value;
    }
    return shown(sides[0], texts) + " → " + shown(sides[1], texts);
  }

  private static String shown(String v, Texts texts) {
    return switch (v) {
      case "true" -> texts.t("yes");
      case "false" -> texts.t("no");
      default -> v;
    };
  }

  /**
   * Who acted: a person's name as recorded, or Tandem's own retention job in the reader's words.
   */
  private static String actor(AdminAudit.Entry e, Texts texts) {
    return org.tandem.core.privacy.Erasure.RETENTION.equals(e.actor())
        ? texts.t("audit.actor.retention")
        : e.actor();
  }
}
