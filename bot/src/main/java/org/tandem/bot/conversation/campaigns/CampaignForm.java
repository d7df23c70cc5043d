package org.tandem.bot.conversation.campaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Field;
import org.tandem.bot.conversation.Reply.FieldType;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.campaigns.Audience;
import org.tandem.core.campaigns.Campaign;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.campaigns.MissionChoice;
import org.tandem.core.tenants.TenantId;

/**
 * The campaign's form: its name, its message, its missions (the open ones, newest first), who it is
 * for (everyone, a site or a department of the company, the digest subscribers, or a channel given
 * by its link), and its day (empty: now).
 */
final class CampaignForm {

  static final String ID = "campaign.form";

  /** Open missions offered in the form's list (a Slack select holds at most 100). */
  static final int CHOICES = 100;

  /** The audience choice that names a channel, given in the channel field. */
  static final String CHANNEL = "CHANNEL";

  private CampaignForm() {}

  static Reply.Form form(
      TenantId tenant,
      Campaigns campaigns,
      Map<String, List<String>> values,
      Map<String, String> errors,
      Long editing,
      Texts texts) {
    List<Option> missions = new ArrayList<>();
    for (MissionChoice m : campaigns.openMissions(tenant, "", CHOICES)) {
      missions.add(new Option(Long.toString(m.id()), m.title()));
    }
    List<Option> audiences = new ArrayList<>();
    audiences.add(new Option(Audience.EVERYONE.name(), texts.t("campaign.audience.everyone")));
    for (String site : campaigns.values(tenant, Audience.SITE)) {
      audiences.add(new Option("SITE:" + site, texts.t("campaign.audience.site", site)));
    }
    for (String department : campaigns.values(tenant, Audience.DEPARTMENT)) {
      audiences.add(
          new Option(
              "DEPARTMENT:" + department, texts.t("campaign.audience.department", department)));
    }
    audiences.add(new Option(Audience.DIGEST.name(), texts.t("campaign.audience.digest")));
    audiences.add(new Option(CHANNEL, texts.t("campaign.audience.channel")));
    Map<String, List<String>> shown = new LinkedHashMap<>(values);
    shown.putIfAbsent("audience", List.of(Audience.EVERYONE.name()));
    List<Field> fields =
        List.of(
            Field.filled(
                "name",
                texts.t("campaign.field.name"),
                FieldType.TEXT,
                true,
                List.of(),
                shown,
                errors,
                texts.t("campaign.field.name.placeholder")),
            Field.filled(
                "message",
                texts.t("campaign.field.message"),
                FieldType.LONG_TEXT,
                true,
                List.of(),
                shown,
                errors,
                null),
            Field.filled(
                "missions",
                texts.t("campaign.field.missions", Campaigns.MAX_MISSIONS),
                FieldType.MULTI_SELECT,
                true,
                List.of(new OptionGroup("", missions)),
                shown,
                errors,
                texts.t("campaign.field.missions.none")),
            Field.filled(
                "audience",
                texts.t("campaign.field.audience"),
                FieldType.SELECT,
                true,
                List.of(new OptionGroup("", audiences)),
                shown,
                errors,
                null),
            Field.filled(
                "channel",
                texts.t("campaign.field.channel"),
                FieldType.TEXT,
                false,
                List.of(),
                shown,
                errors,
                null),
            Field.filled(
                "date",
                texts.t("campaign.field.date"),
                FieldType.DATE,
                false,
                List.of(),
                shown,
                errors,
                null));
    return new Reply.Form(
        ID,
        texts.t(editing == null ? "campaign.form.title" : "campaign.form.edit"),
        texts.t("campaign.form.intro", Campaigns.MAX_MISSIONS),
        fields,
        texts.t(editing == null ? "campaign.button.launch" : "campaign.button.save"),
        editing == null ? Map.of() : Map.of(CampaignCards.CAMPAIGN, Long.toString(editing)));
  }

  /** A stored campaign's values, to change it in the form. */
  static Map<String, List<String>> values(Campaign c) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(c.name()));
    v.put("message", List.of(c.message()));
    v.put("missions", c.missionIds().stream().map(String::valueOf).toList());
    v.put(
        "audience",
        List.of(
            switch (c.audience()) {
              case SITE, DEPARTMENT -> c.audience().name() + ":" + c.audienceValue();
              default -> c.audience().name();
            }));
    if (c.audience() == Audience.CHANNEL) {
      v.put("channel", List.of(c.audienceValue()));
    }
    if (c.sendOn() != null) {
      v.put("date", List.of(c.sendOn().toString()));
    }
    return v;
  }
}
