package org.tandem.bot.scheduling;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.notifications.Notification;
import org.tandem.core.notifications.Reconsent;
import org.tandem.core.people.Employee;

/**
 * Tells the admins of existing installs how to consent to what Tandem now needs of their platform:
 * looked for when Tandem starts (an upgrade is a start) and every night (an install whose company
 * had no admin yet), written to the outbox once per install ({@link Reconsent}), sent by the
 * outbox's dispatcher.
 */
@Component
public class ReconsentNotices implements Notice {

  private static final Logger log = LoggerFactory.getLogger(ReconsentNotices.class);

  private final Reconsent reconsent;
  private final List<Reconsent.Source> sources;
  private final String publicUrl;

  ReconsentNotices(
      Reconsent reconsent,
      List<Reconsent.Source> sources,
      @Value("${TANDEM_PUBLIC_URL:}") String publicUrl) {
    this.reconsent = reconsent;
    this.sources = sources;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** Marks the installs that lack something and queues their admins' messages; how many. */
  public int check() {
    for (Reconsent.Source s : sources) {
      s.markMissing(reconsent);
    }
    int written = reconsent.enqueueDue();
    if (written > 0) {
      log.info("{} admin(s) will be told to consent to what Tandem now needs", written);
    }
    return written;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    try {
      check();
    } catch (RuntimeException e) {
      // The nightly run tries again; starting must not depend on it.
      log.warn("Could not look for installs to re-consent", e);
    }
  }

  @Override
  public java.util.Set<String> kinds() {
    return java.util.Set.of(Notification.RECONSENT);
  }

  /** The message for one admin, in their language; empty for a payload of another version. */
  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    String[] what = n.payload().split("\\|", 2);
    if (what.length != 2) {
      return Optional.empty();
    }
    String text;
    if ("SLACK".equals(what[0]) && Reconsent.SLACK_FILES.equals(what[1])) {
      text =
          publicUrl.isEmpty()
              ? texts.t("reconsent.slack.page")
              : texts.t("reconsent.slack", publicUrl + "/slack/install");
    } else if ("TEAMS".equals(what[0]) && Reconsent.TEAMS_FILES.equals(what[1])) {
      text = texts.t("reconsent.teams");
    } else {
      return Optional.empty();
    }
    return Optional.of(
        Reply.of(
            new Reply.Card(texts.t("reconsent.title"), null, List.of(), text, List.of(), null)));
  }
}
