package org.tandem.bot.conversation.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.tandem.core.tenants.CountryOverride;
import org.tandem.core.tenants.Policy;
import org.tandem.core.tenants.Tenants;

/**
 * The policy's per-country rules, part of the policy: under the policy card, one card per country
 * with its own allowance, approval rule or valuation rate (Edit, Remove) and "Add a country"; the
 * form sets them. Who may, and what a valid override is, is the core's ({@link
 * Tenants#override(org.tandem.core.tenants.TenantId, long, CountryOverride)}).
 */
@Component
class CountryRulesDialog implements Handler {

  static final String FORM = "policy.country";
  static final String EDIT = "policy.country.edit";
  static final String REMOVE = "policy.country.remove";

  /** An empty field, or "As the company" in the approval select: the company's policy applies. */
  private static final String COMPANY = "company";

  private final Tenants tenants;

  CountryRulesDialog(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public Set<String> actions() {
    return Set.of(EDIT, REMOVE);
  }

  @Override
  public Set<String> formActions() {
    return Set.of(EDIT);
  }

  @Override
  public Set<String> forms() {
    return Set.of(FORM);
  }

  /** The cards shown under the policy: one per country with rules, then "Add a country". */
  Reply cards(Who who, Texts texts) {
    Policy company = tenants.find(who.tenant()).orElseThrow().policy();
    List<CountryOverride> overrides = tenants.overrides(who.tenant());
    List<Reply.Part> parts = new ArrayList<>();
    for (CountryOverride o : overrides) {
      parts.add(
          new Reply.Card(
              countryName(o.country(), texts),
              null,
              facts(o, company, texts),
              null,
              List.of(
                  Button.of(texts.t("country.edit"), EDIT, Map.of("country", o.country())),
                  new Button(
                      texts.t("country.remove"),
                      REMOVE,
                      Map.of("country", o.country()),
                      Button.Style.DANGER)),
              null));
    }
    parts.add(
        new Reply.Card(
            texts.t("country.title"),
            null,
            List.of(),
            texts.t(overrides.isEmpty() ? "country.none" : "country.help"),
            List.of(Button.of(texts.t("country.add"), EDIT, Map.of())),
            null));
    return new Reply(parts);
  }

  @Override
  public Reply action(Inbound.Action action, Texts texts) {
    Who who = action.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.EDIT_POLICY)) {
      return refuse(texts);
    }
    String country = action.get("country");
    if (REMOVE.equals(action.id())) {
      Outcome<String> o = tenants.removeOverride(who.tenant(), who.employeeId(), country);
      if (!o.isDone()) {
        return Refusals.reply(o.refusal(), texts);
      }
      return Reply.notice(
              Reply.Notice.Level.SUCCESS, texts.t("country.removed", countryName(o.value(), texts)))
          .then(cards(who, texts));
    }
    Optional<CountryOverride> current =
        country == null
            ? Optional.empty()
            : tenants.overrides(who.tenant()).stream()
                .filter(o -> o.country().equals(country))
                .findFirst();
    return Reply.of(form(who, current.orElse(null), Map.of(), null, texts));
  }

  /**
   * Numbers are read by the core's {@link Decimals}; empty fields inherit the company's policy. The
   * core checks the code, the bounds and the currency, and a refusal comes back on its field.
   */
  @Override
  public Reply submit(Inbound.Submit s, Texts texts) {
    Who who = s.who();
    if (!Authority.may(who.employeeId(), who.roles(), Authority.Action.EDIT_POLICY)) {
      return refuse(texts);
    }
    String fixed = s.context().get("country");
    String country = fixed != null ? fixed : s.value("country").toUpperCase(Locale.ROOT);
    Map<String, String> errors = new HashMap<>();
    BigDecimal allowance = optionalNumber(s, "allowance", errors, texts);
    BigDecimal rate = optionalNumber(s, "rate", errors, texts);
    if (!errors.isEmpty()) {
      return Reply.of(form(who, fixed == null ? null : known(who, fixed), errors, s, texts));
    }
    String approval = s.value("managerApproval");
    String currency = s.value("currency").toUpperCase(Locale.ROOT);
    CountryOverride override =
        new CountryOverride(
            country,
            allowance,
            COMPANY.equals(approval) || approval.isEmpty() ? null : "yes".equals(approval),
            rate,
            currency.isEmpty() ? null : currency);
    Outcome<CountryOverride> o = tenants.override(who.tenant(), who.employeeId(), override);
    if (!o.isDone()) {
      Refusal r = o.refusal();
      if (r.field() != null) {
        String field = fixed != null && "country".equals(r.field()) ? "allowance" : r.field();
        return Reply.of(
            form(
                who,
                fixed == null ? null : known(who, fixed),
                Map.of(field, r.message(texts.locale())),
                s,
                texts));
      }
      return Refusals.reply(r, texts);
    }
    return Reply.notice(
            Reply.Notice.Level.SUCCESS, texts.t("country.saved", countryName(country, texts)))
        .then(cards(who, texts));
  }

  private CountryOverride known(Who who, String country) {
    return tenants.overrides(who.tenant()).stream()
        .filter(o -> o.country().equals(country))
        .findFirst()
        .orElse(new CountryOverride(country, null, null, null, null));
  }

  /** A new country's form asks for its code; a known country's carries it in its context. */
  private Reply.Form form(
      Who who,
      CountryOverride current,
      Map<String, String> errors,
      Inbound.Submit typed,
      Texts texts) {
    Policy company = tenants.find(who.tenant()).orElseThrow().policy();
    List<Field> fields = new ArrayList<>();
    if (current == null) {
      fields.add(
          new Field(
              "country",
              texts.t("country.code"),
              FieldType.TEXT,
              true,
              List.of(),
              List.of(typed == null ? "" : typed.value("country")),
              texts.t("country.code.hint"),
              errors.get("country")));
    }
    fields.add(
        optional(
            "allowance",
            texts.t("policy.allowance"),
            current == null ? null : plain(current.yearlyAllowanceHours()),
            texts.t("country.inherit", plain(company.yearlyAllowanceHours())),
            errors,
            typed));
    String approval =
        current == null || current.managerApproval() == null
            ? COMPANY
            : current.managerApproval() ? "yes" : "no";
    fields.add(
        new Field(
            "managerApproval",
            texts.t("policy.managerApproval"),
            FieldType.SELECT,
            true,
            List.of(
                new OptionGroup(
                    "",
                    List.of(
                        new Option(
                            COMPANY,
                            texts.t(
                                "country.asCompany",
                                texts.t(company.managerApproval() ? "yes" : "no"))),
                        new Option("yes", texts.t("yes")),
                        new Option("no", texts.t("no"))))),
            List.of(typed == null ? approval : typed.value("managerApproval")),
            null,
            errors.get("managerApproval")));
    fields.add(
        optional(
            "rate",
            texts.t("policy.rate"),
            current == null ? null : plain(current.hourlyRate()),
            texts.t("country.inherit", plain(company.hourlyRate()) + " " + company.currency()),
            errors,
            typed));
    fields.add(
        optional(
            "currency",
            texts.t("policy.currency"),
            current == null ? null : current.currency(),
            texts.t("country.inherit", company.currency()),
            errors,
            typed));
    Map<String, String> context = current == null ? Map.of() : Map.of("country", current.country());
    return new Reply.Form(
        FORM,
        current == null
            ? texts.t("country.form.new")
            : texts.t("country.form.title", countryName(current.country(), texts)),
        errors.isEmpty() ? texts.t("country.form.intro") : texts.t("form.fix"),
        fields,
        texts.t("policy.save"),
        context);
  }

  private static Field optional(
      String name,
      String label,
      String current,
      String hint,
      Map<String, String> errors,
      Inbound.Submit typed) {
    String value = typed == null ? (current == null ? "" : current) : typed.value(name);
    FieldType type = "currency".equals(name) ? FieldType.TEXT : FieldType.NUMBER;
    return new Field(name, label, type, false, List.of(), List.of(value), hint, errors.get(name));
  }

  private static List<Fact> facts(CountryOverride o, Policy company, Texts texts) {
    List<Fact> facts = new ArrayList<>();
    if (o.yearlyAllowanceHours() != null) {
      facts.add(
          new Fact(
              texts.t("policy.allowance"), texts.t("year.hours", plain(o.yearlyAllowanceHours()))));
    }
    if (o.managerApproval() != null) {
      facts.add(
          new Fact(texts.t("policy.managerApproval"), texts.t(o.managerApproval() ? "yes" : "no")));
    }
    if (o.hourlyRate() != null) {
      String currency = o.currency() != null ? o.currency() : company.currency();
      facts.add(new Fact(texts.t("policy.rate"), plain(o.hourlyRate()) + " " + currency));
    }
    return facts;
  }

  /** "France (FR)", the country's name in the reader's language. */
  static String countryName(String code, Texts texts) {
    String name = new Locale("", code).getDisplayCountry(texts.locale());
    return name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
  }

  private static String plain(BigDecimal n) {
    return n == null ? null : n.stripTrailingZeros().toPlainString();
  }

  /** The number typed in an optional field: null when empty, or the reason on the field. */
  private static BigDecimal optionalNumber(
      Inbound.Submit s, String field, Map<String, String> errors, Texts texts) {
    if (s.value(field).isEmpty()) {
      return null;
    }
    Optional<BigDecimal> n = Decimals.parse(s.value(field));
    if (n.isEmpty()) {
      errors.put(
          field,
          Refusal.on(field, ReasonCode.NOT_A_NUMBER, Decimals.quoted(s.value(field)))
              .message(texts.locale()));
      return null;
    }
    return n.get();
  }

  private static Reply refuse(Texts texts) {
    return Refusals.reply(new Refusal(ReasonCode.ADMINS_ONLY, new Object[0]), texts);
  }
}
