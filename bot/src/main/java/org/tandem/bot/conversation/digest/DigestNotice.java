package org.tandem.bot.conversation.digest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.bot.conversation.missions.MissionCards;
import org.tandem.core.digest.Digests;
import org.tandem.core.matching.Proposal;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.NotificationSettings;
import org.tandem.core.people.Employee;

/**
 * The weekly digest as the person reads it: how many new missions fit, each as a proposal card with
 * its reason (details, commit, not for me), and the day it comes with a button to stop it. Written
 * when sent, so a mission filled, committed to or dismissed meanwhile is left out, and a digest
 * with nothing left is not sent.
 */
@Component
class DigestNotice implements Notice {

  private final Digests digests;
  private final MissionCards cards;
  private final NotificationSettings settings;
  private final Clock clock;

  DigestNotice(Digests digests, MissionCards cards, NotificationSettings settings, Clock clock) {
    this.digests = digests;
    this.cards = cards;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.WEEKLY_DIGEST);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    List<Proposal> missions =
        digests.missions(n.tenant(), n.employeeId(), n.payload(), clock.instant());
    var day = settings.of(n.tenant(), n.employeeId()).flatMap(s -> s.digestDay());
    if (missions.isEmpty() || day.isEmpty()) {
      return Optional.empty();
    }
    Reply reply = Reply.notice(Reply.Notice.Level.INFO, texts.t("digest.title", missions.size()));
    for (Proposal p : missions) {
      reply = reply.then(cards.proposal(p, texts));
    }
    return Optional.of(
        reply.then(
            new Reply.Card(
                texts.t("digest.footer", DigestOffer.when(day.get(), texts)),
                null,
                List.of(),
                null,
                List.of(DigestOffer.stop(texts)),
                null)));
  }
}
