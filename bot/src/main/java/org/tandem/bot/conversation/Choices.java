package org.tandem.bot.conversation;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Reply.Option;
import org.tandem.bot.conversation.Reply.OptionGroup;
import org.tandem.core.causes.Cause;
import org.tandem.core.skills.SkillTaxonomy;

/** The choices forms offer, in the person's language: skills by family, causes. */
@Component
public class Choices {

  private final SkillTaxonomy skills;

  Choices(SkillTaxonomy skills) {
    this.skills = skills;
  }

  /** Every skill, grouped under its family, in the taxonomy's order. */
  public List<OptionGroup> skills(Texts texts) {
    return skills.families().stream()
        .map(
            f ->
                new OptionGroup(
                    f.label(texts.locale()),
                    f.skills().stream()
                        .map(s -> new Option(s.code(), s.label(texts.locale())))
                        .toList()))
        .toList();
  }

  public List<OptionGroup> causes(Texts texts) {
    return List.of(
        new OptionGroup(
            "",
            Arrays.stream(Cause.values())
                .map(c -> new Option(c.name(), c.label(texts.locale())))
                .toList()));
  }
}
