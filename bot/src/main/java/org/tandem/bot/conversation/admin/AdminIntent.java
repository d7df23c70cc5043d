package org.tandem.bot.conversation.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Handler;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Refusals;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.Who;
import org.tandem.core.common.Decimals;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.Authority;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.OverAllowance;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.PolicyChange;
import org.tandem.core.tenants.PolicyRules;
import org.tandem.core.tenants.ProposalDefault;
import org.tandem.core.tenants.Sector;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;
import org.tandem.core.text.SearchText;

/**
 * Admin: "admin" shows the policy; "admin grant Claire csr" and "admin revoke Claire admin" change
 * roles; the policy form sets allowance, approvals, valuation and sector.
 */
@Component
class AdminIntent implements Handler {

  static final String FORM = "policy";
  private static final Pattern ROLE_CHANGE =
      Pattern.compile(
          "^(?:admin\\s+)?(grant|give|donner|donne|geben|revoke|remove|retirer|retire|entziehen)\\s+(.+?)\\s+(csr|rse|manager|admin|administrateur|administrator)$");

  private final People people;
  private final Tenants tenants;
  private final CountryRulesDialog countries;

  AdminIntent(People people, Tenants tenants, CountryRulesDialog countries) {
    this.people = people;
    this.tenants = tenants;
    this.countries = countries;
  }

  @Override
  public Set<String> commands() {
    return Set.of("admin", "policy", "politique", "richtlinie");
  }

  @Override
  public Set<String> actions() {
    return Set.of("policy.edit");
  }

  @Override
  public Set<String> formActions() {
    return actions();
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  @Override
  public Reply command(Inbound.Command command, Texts texts) {
    Who who = command.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.EDIT_POLICY)) {
      return refuse(texts);
    }
    Matcher m = ROLE_CHANGE.matcher(SearchText.fold(command.args()).replace("@", ""));
    if (m.matches()) {
      return changeRole(who, m.group(1), m.group(2), m.group(3), texts);
    }
    return overview(who, texts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    if (!Authority.may(
        action.who().employeeId(), action.who().roles(), Authority.Action.EDIT_POLICY)) {
      return refuse(texts);
    }
    Tenant t = tenants.find(action.who().tenant()).orElseThrow();
    return Reply.of(form(t, Map.of(), null, texts));
  }

  /**
   * The policy form. Numbers are read by the core's {@link Decimals}, the values checked by the
   * core when it saves them: a refusal comes back on its field, in the person's language.
   */
  @Override
  public Reply submit(Inbound.Submit s, Texts texts) {
    Who who = s.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.EDIT_POLICY)) {
      return refuse(texts);
    }
    Map<String, String> errors = new HashMap<>();
    BigDecimal allowance = number(s, "allowance", errors, texts);
    BigDecimal rate = number(s, "rate", errors, texts);
    BigDecimal turnover =
        s.value("turnover").isEmpty() ? null : number(s, "turnover", errors, texts);
    // Left out (a form of before), the window stays as it is.
    Integer window =
        s.value("proposalWindow").isEmpty() ? null : days(s, "proposalWindow", errors, texts);
    if (!errors.isEmpty()) {
      Tenant t = tenants.find(who.tenant()).orElseThrow();
      return Reply.of(form(t, errors, s, texts));
    }
    PolicyChange change =
        new PolicyChange(
            allowance,
            "yes".equals(s.value("managerApproval")),
            !"no".equals(s.value("hoursApproval")),
            "FLAG".equals(s.value("overAllowance")) ? OverAllowance.FLAG : OverAllowance.REFUSE,
            rate,
            s.value("currency").toUpperCase(Locale.ROOT),
            "PUBLIC".equals(s.value("sector")) ? Sector.PUBLIC : Sector.PRIVATE,
            s.value("country").toUpperCase(Locale.ROOT),
            null,
            turnover,
            window,
            s.value("proposalDefault").isEmpty()
                ? null
                : "NOTHING".equals(s.value("proposalDefault"))
                    ? ProposalDefault.NOTHING
                    : ProposalDefault.HOURS);
    Outcome<Tenant> o = tenants.changePolicy(who.tenant(), who.employeeId(), change);
    if (!o.isDone()) {
      Refusal r = o.refusal();
      if (r.field() != null) {
        Tenant t = tenants.find(who.tenant()).orElseThrow();
        return Reply.of(form(t, Map.of(r.field(), r.message(texts.locale())), s, texts));
      }
      return Refusals.reply(r, texts);
    }
    return Reply.notice(Reply.Notice.Level.SUCCESS, texts.t("policy.saved"))
        .then(overview(who, texts));
  }

  /**
   * A whole number of days typed in a field; a fraction, or a number no day count can be, gets the
   * core's rule for the window on the field.
   */
  private static Integer days(
      Inbound.Submit s, String field, Map<String, String> errors, Texts texts) {
    BigDecimal n = number(s, field, errors, texts);
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      errors.put(
          field,
          Refusal.on(
                  field,
                  ReasonCode.PROPOSAL_WINDOW_OUT_OF_RANGE,
                  PolicyRules.MIN_PROPOSAL_WINDOW,
                  PolicyRules.MAX_PROPOSAL_WINDOW)
              .message(texts.locale()));
      return null;
    }
  }

  /** The number typed in a field, or null with the reason on the field. */
  private static BigDecimal number(
      Inbound.Submit s, String field, Map<String, String> errors, Texts texts) {
    java.util.Optional<BigDecimal> n = Decimals.parse(s.value(field));
    if (n.isEmpty()) {
      errors.put(
          field,
          Refusal.on(field, ReasonCode.NOT_A_NUMBER, Decimals.quoted(s.value(field)))
              .message(texts.locale()));
      return null;
    }
    return n.get();
  }

  private Reply overview(Who who, Texts texts) {
    Tenant t = tenants.find(who.tenant()).orElseThrow();
    Policy p = t.policy();
    List<Fact> facts =
        List.of(
            new Fact(
                texts.t("policy.allowance"),
                texts.t(
                    "year.hours", p.yearlyAllowanceHours().stripTrailingZeros().toPlainString())),
            new Fact(
                texts.t("policy.managerApproval"), texts.t(p.managerApproval() ? "yes" : "no")),
            new Fact(texts.t("policy.hoursApproval"), texts.t(p.hoursApproval() ? "yes" : "no")),
            new Fact(
                texts.t("policy.overAllowance"),
                texts.t("policy.over." + p.overAllowance().name().toLowerCase(Locale.ROOT))),
            new Fact(
                texts.t("policy.rate"),
                p.hourlyRate().stripTrailingZeros().toPlainString() + " " + p.currency()),
            new Fact(
                texts.t("policy.sector"),
                texts.t("policy.sector." + p.sector().name().toLowerCase(Locale.ROOT))),
            new Fact(texts.t("policy.country"), t.country()),
            new Fact(
                texts.t("policy.proposalWindow"),
                texts.t("policy.proposalWindow.value", p.proposalWindowDays())),
            new Fact(
                texts.t("policy.proposalDefault"),
                texts.t(
                    "policy.proposalDefault."
                        + p.proposalDefault().name().toLowerCase(Locale.ROOT))));
    return Reply.of(
            new Reply.Card(
                texts.t("policy.title", t.name()),
                null,
                facts,
                texts.t("setup.hint")
                    + "\n"
                    + texts.t("admin.roles.help")
                    + "\n"
                    + texts.t("link.admin.hint")
                    + "\n"
                    + texts.t("audit.hint"),
                List.of(Button.primary(texts.t("button.policy"), "policy.edit", Map.of())),
                null))
        .then(countries.cards(who, texts));
  }

  private Reply changeRole(Who who, String verb, String name, String roleWord, Texts texts) {
    Role role = roleWord.startsWith("admin") ? Role.ADMIN : Role.CSR_MANAGER;
    List<Employee> matches = new ArrayList<>();
    for (Employee e : people.members(who.tenant())) {
      String n = SearchText.fold(e.displayName());
      String mail = e.email() == null ? "" : SearchText.fold(e.email());
      if (n.equals(name) || mail.startsWith(name) || n.contains(name)) {
        matches.add(e);
      }
    }
    if (matches.size() != 1) {
      return Reply.notice(
          Reply.Notice.Level.WARNING,
          texts.t(matches.isEmpty() ? "admin.nobody" : "admin.ambiguous", name));
    }
    Employee target = matches.get(0);
    boolean grant = Set.of("grant", "give", "donner", "donne", "geben").contains(verb);
    Outcome<Employee> o =
        grant
            ? people.grant(who.tenant(), who.employeeId(), target.id(), role)
            : people.revoke(who.tenant(), who.employeeId(), target.id(), role);
    if (!o.isDone()) {
      return Refusals.reply(o.refusal(), texts);
    }
    return Reply.notice(
        Reply.Notice.Level.SUCCESS,
        texts.t(
            grant ? "admin.granted" : "admin.revoked",
            target.displayName(),
            texts.t("role." + role.name().toLowerCase(Locale.ROOT))));
  }

  private Reply.Form form(Tenant t, Map<String, String> errors, Inbound.Submit typed, Texts texts) {
    Policy p = t.policy();
    List<Field> fields = new ArrayList<>();
    fields.add(
        field(
            "allowance",
            texts.t("policy.allowance"),
            FieldType.NUMBER,
            List.of(),
            p.yearlyAllowanceHours().stripTrailingZeros().toPlainString(),
            errors,
            typed));
    fields.add(
        field(
            "managerApproval",
            texts.t("policy.managerApproval"),
            FieldType.SELECT,
            yesNo(texts),
            p.managerApproval() ? "yes" : "no",
            errors,
            typed));
    fields.add(
        field(
            "hoursApproval",
            texts.t("policy.hoursApproval"),
            FieldType.SELECT,
            yesNo(texts),
            p.hoursApproval() ? "yes" : "no",
            errors,
            typed));
    fields.add(
        field(
            "overAllowance",
            texts.t("policy.overAllowance"),
            FieldType.SELECT,
            List.of(
                new OptionGroup(
                    "",
                    List.of(
                        new Option("REFUSE", texts.t("policy.over.refuse")),
                        new Option("FLAG", texts.t("policy.over.flag"))))),
            p.overAllowance().name(),
            errors,
            typed));
    fields.add(
        field(
            "rate",
            texts.t("policy.rate"),
            FieldType.NUMBER,
            List.of(),
            p.hourlyRate().stripTrailingZeros().toPlainString(),
            errors,
            typed));
    fields.add(
        field(
            "currency",
            texts.t("policy.currency"),
            FieldType.TEXT,
            List.of(),
            p.currency(),
            errors,
            typed));
    fields.add(
        field(
            "sector",
            texts.t("policy.sector"),
            FieldType.SELECT,
            List.of(
                new OptionGroup(
                    "",
                    List.of(
                        new Option("PRIVATE", texts.t("policy.sector.private")),
                        new Option("PUBLIC", texts.t("policy.sector.public"))))),
            p.sector().name(),
            errors,
            typed));
    fields.add(
        field(
            "country",
            texts.t("policy.country"),
            FieldType.TEXT,
            List.of(),
            t.country(),
            errors,
            typed));
    fields.add(
        field(
            "proposalWindow",
            texts.t("policy.proposalWindow"),
            FieldType.NUMBER,
            List.of(),
            Integer.toString(p.proposalWindowDays()),
            errors,
            typed));
    fields.add(
        field(
            "proposalDefault",
            texts.t("policy.proposalDefault"),
            FieldType.SELECT,
            List.of(
                new OptionGroup(
                    "",
                    List.of(
                        new Option("HOURS", texts.t("policy.proposalDefault.hours")),
                        new Option("NOTHING", texts.t("policy.proposalDefault.nothing"))))),
            p.proposalDefault().name(),
            errors,
            typed));
    String turnover = t.annualTurnover() == null ? "" : t.annualTurnover().toPlainString();
    fields.add(
        new Field(
            "turnover",
            texts.t("policy.turnover"),
            FieldType.NUMBER,
            false,
            List.of(),
            List.of(typed == null ? turnover : typed.value("turnover")),
            texts.t("policy.turnover.hint"),
            errors.get("turnover")));
    return new Reply.Form(
        FORM,
        texts.t("policy.form.title"),
        errors.isEmpty() ? null : texts.t("form.fix"),
        fields,
        texts.t("policy.save"),
        Map.of());
  }

  private static List<OptionGroup> yesNo(Texts texts) {
    return List.of(
        new OptionGroup(
            "", List.of(new Option("yes", texts.t("yes")), new Option("no", texts.t("no")))));
  }

  private static Field field(
      String name,
      String label,
      FieldType type,
      List<OptionGroup> groups,
      String current,
      Map<String, String> errors,
      Inbound.Submit typed) {
    String value = typed == null ? current : typed.value(name);
    return new Field(name, label, type, true, groups, List.of(value), null, errors.get(name));
  }

  private static Reply refuse(Texts texts) {
    return Refusals.reply(new Refusal(ReasonCode.ADMINS_ONLY, new Object[0]), texts);
  }
}
