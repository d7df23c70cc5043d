package org.tandem.bot.conversation.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.ChannelPoster;
import org.tandem.bot.conversation.Notifier;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.campaigns.Campaign;
import org.tandem.core.campaigns.CampaignSending;
import org.tandem.core.campaigns.Campaigns;
import org.tandem.core.people.Employee;
import org.tandem.core.people.People;

/**
 * The campaigns' recurring work: dated campaigns reach each person of their audience from 08:00 on
 * their day (core writes the outbox messages, the outbox delivers them), and channel campaigns are
 * posted in their channel once, in the language of the CSR manager who launched them. Posting runs
 * outside any database transaction; a post claimed by an instance that died is claimed again after
 * the lease, and Slack's stamp on the post keeps it from appearing twice.
 */
@Component
public class CampaignPosting {

  private static final Logger log = LoggerFactory.getLogger(CampaignPosting.class);

  private final CampaignSending sending;
  private final Campaigns campaigns;
  private final CampaignCards cards;
  private final List<ChannelPoster> posters;
  private final People people;
  private final Clock clock;
  private final Duration lease;

  CampaignPosting(
      CampaignSending sending,
      Campaigns campaigns,
      CampaignCards cards,
      List<ChannelPoster> posters,
      People people,
      Clock clock,
      @Value("${tandem.campaigns.post-lease:PT2M}") Duration lease) {
    this.sending = sending;
    this.campaigns = campaigns;
    this.cards = cards;
    this.posters = posters;
    this.people = people;
    this.clock = clock;
    this.lease = lease;
  }

  /** Releases what is due now and posts the channel campaigns due; returns the messages written. */
  public int run() {
    Instant now = clock.instant();
    int written = sending.releaseDue(now);
    if (written > 0) {
      log.info("{} campaign message(s) queued", written);
    }
    for (CampaignSending.ChannelPost p : sending.claimChannels(now, lease)) {
      post(p);
    }
    return written;
  }

  private void post(CampaignSending.ChannelPost p) {
    Campaign c = campaigns.find(p.tenant(), p.campaignId()).orElse(null);
    if (c == null) {
      return;
    }
    Locale language =
        people.find(p.tenant(), c.createdBy()).map(Employee::locale).orElse(Locale.ENGLISH);
    Texts texts = Texts.of(language);
    Reply message = cards.message(c, texts);
    boolean failed = false;
    for (ChannelPoster poster : posters) {
      Notifier.Delivery d;
      try {
        d = poster.post(p.tenant(), p.channel(), message, texts, progress(p));
      } catch (RuntimeException e) {
        log.warn("Could not post campaign {} in {}", c.id(), p.channel(), e);
        d = Notifier.Delivery.FAILED;
      }
      if (d == Notifier.Delivery.SENT) {
        sending.posted(p.tenant(), c.id(), Campaign.POSTED);
        return;
      }
      failed |= d == Notifier.Delivery.FAILED;
    }
    if (!failed) {
      sending.posted(p.tenant(), c.id(), Campaign.UNREACHABLE);
    }
    // A failure for now: the claim stays, and the post is tried again once its lease has passed.
  }

  /** A channel post is one step: its outcome is kept on the campaign, its stamp in the channel. */
  private static Notifier.Progress progress(CampaignSending.ChannelPost p) {
    return new Notifier.Progress() {
      @Override
      public String id() {
        return "campaign:" + p.campaignId();
      }

      @Override
      public String done() {
        return null;
      }

      @Override
      public boolean retry() {
        return p.retry();
      }

      @Override
      public void record(String done) {
        // The post's outcome is recorded on the campaign (CampaignSending.posted) right after.
      }
    };
  }
}
