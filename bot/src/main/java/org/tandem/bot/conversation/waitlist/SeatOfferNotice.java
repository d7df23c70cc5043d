package org.tandem.bot.conversation.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tandem.bot.conversation.Ids;
import org.tandem.bot.conversation.Notice;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Reply.Button;
import org.tandem.bot.conversation.Reply.Fact;
import org.tandem.bot.conversation.Texts;
import org.tandem.core.commitments.Commitment;
import org.tandem.core.commitments.CommitmentStatus;
import org.tandem.core.commitments.Commitments;
import org.tandem.core.missions.Missions;
import org.tandem.core.missions.Session;
import org.tandem.core.notifications.Notification;
import org.tandem.core.people.Employee;

/**
 * A seat offered to the first person waiting (Accept / Pass, and until when, in their zone), and
 * the word that an offer ran out. Built when sent: an offer already answered sends nothing.
 */
@Component
class SeatOfferNotice implements Notice {

  private final Commitments commitments;
  private final Missions missions;
  private final Clock clock;

  SeatOfferNotice(Commitments commitments, Missions missions, Clock clock) {
    this.commitments = commitments;
    this.missions = missions;
    this.clock = clock;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(Notification.SEAT_OFFERED, Notification.SEAT_OFFER_EXPIRED);
  }

  @Override
  public Optional<Reply> reply(Notification n, Employee to, Texts texts) {
    Optional<Commitment> found =
        Ids.parse(n.payload()).stream()
            .mapToObj(id -> commitments.find(n.tenant(), id))
            .flatMap(Optional::stream)
            .findFirst();
    if (found.isEmpty() || found.get().employeeId() != to.id()) {
      return Optional.empty();
    }
    Commitment c = found.get();
    String title = missions.find(n.tenant(), c.missionId()).map(m -> m.title()).orElse("");
    Map<String, String> mission = Map.of("missionId", Long.toString(c.missionId()));
    if (Notification.SEAT_OFFER_EXPIRED.equals(n.kind())) {
      if (c.status() != CommitmentStatus.CANCELLED || c.offerExpiresAt() == null) {
        return Optional.empty();
      }
      return Optional.of(
          Reply.of(
              new Reply.Card(
                  texts.t("offer.expired.title", title),
                  null,
                  List.of(),
                  texts.t("offer.expired.text", texts.dateTime(c.offerExpiresAt(), to.timeZone())),
                  List.of(
                      Button.primary(texts.t("button.commit"), "mission.commit", mission),
                      Button.of(texts.t("button.details"), "mission.details", mission)),
                  null)));
    }
    if (c.status() != CommitmentStatus.OFFERED) {
      // Answered from "my commitments" (or run out) before this could go: nothing to ask.
      return Optional.empty();
    }
    String deadline = texts.dateTime(c.offerExpiresAt(), to.timeZone());
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(texts.t("offer.deadline"), deadline));
    nextSession(n, c)
        .ifPresent(
            at -> facts.add(new Fact(texts.t("offer.next"), texts.dateTime(at, to.timeZone()))));
    return Optional.of(
        Reply.of(
            new Reply.Card(
                texts.t("offer.title", title),
                null,
                facts,
                texts.t("offer.text", deadline),
                OfferIntent.buttons(c.id(), c.missionId(), texts),
                null)));
  }

  private Optional<Instant> nextSession(Notification n, Commitment c) {
    Instant now = clock.instant();
    return missions.sessions(n.tenant(), c.missionId()).stream()
        .map(Session::startsAt)
        .filter(s -> s.isAfter(now))
        .min(Instant::compareTo);
  }
}
