package org.tandem.bot.reporting;

import java.time.YearMonth;
import org.springframework.stereotype.Component;
import org.tandem.core.causes.Cause;
import org.tandem.core.reports.Dimension;
import org.tandem.core.reports.Group;
import org.tandem.core.reports.Reports;
import org.tandem.core.skills.SkillTaxonomy;

/** The name of a breakdown group in the reader's language: a cause, an SDG, a skill family... */
@Component
public class ReportLabels {

  private final SkillTaxonomy skills;

  ReportLabels(SkillTaxonomy skills) {
    this.skills = skills;
  }

  public String of(Dimension dimension, Group group, ReportWords words) {
    if (group.isOther()) {
      return words.t("group.other", Reports.MIN_GROUP_SIZE);
    }
    if (Group.UNSET.equals(group.key()) && dimension == Dimension.CAMPAIGN) {
      return words.t("group.unset.campaign");
    }
    if (Group.UNSET.equals(group.key())) {
      return words.t("group.unset");
    }
    String key = group.key();
    return switch (dimension) {
      case SITE, DEPARTMENT -> key;
      case CAUSE -> {
        try {
          yield Cause.valueOf(key).label(words.locale());
        } catch (IllegalArgumentException e) {
          yield key;
        }
      }
      case SDG -> {
        String name =
            key.matches("\\d{1,2}") && Integer.parseInt(key) <= 17 ? words.t("sdg." + key) : "";
        yield words.t("group.sdg", key, name);
      }
      case SKILL_FAMILY ->
          skills.families().stream()
              .filter(f -> f.code().equals(key))
              .findFirst()
              .map(f -> f.label(words.locale()))
              .orElse(key);
      case ASSOCIATION -> group.label() == null ? key : group.label();
      case MISSION -> group.label() == null ? words.t("group.mission.gone", key) : group.label();
      case MONTH -> words.longMonth(YearMonth.parse(key));
      case CAMPAIGN -> group.label() == null ? key : group.label();
    };
  }
}
