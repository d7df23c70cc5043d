package org.tandem.bot.conversation.campaigns;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.campaigns.Campaign;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/** A campaign's message to one person of its audience, built when it is sent. */
@Component
class CampaignNotice implements Notice {

  private final Campaigns campaigns;
  private final CampaignCards cards;

  CampaignNotice(Campaigns campaigns, CampaignCards cards) {
    this.campaigns = campaigns;
    this.cards = cards;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.CAMPAIGN);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    var id = Ids.parse(n.payload());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return campaigns
        .find(n.tenant(), id.getAsLong())
        .filter(c -> c.status() != Campaign.Status.CANCELLED)
        .map(c -> cards.message(c, texts));
  }
}
