package org.tandem.bot.scheduling;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.core.commitments.WaitingList;

/**
 * Every seat offer that ran out by now is passed to the next person waiting, batch by batch (the
 * job of {@link WaitlistTasks}; tests call {@link #run()} after moving the clock).
 */
@Component
public class SeatOfferExpiry {

  private static final Logger log = LoggerFactory.getLogger(SeatOfferExpiry.class);

  private final WaitingList waitingList;
  private final Clock clock;

  SeatOfferExpiry(WaitingList waitingList, Clock clock) {
    this.waitingList = waitingList;
    this.clock = clock;
  }

  /** Returns how many offers ran out. */
  public int run() {
    int total = 0;
    for (int n = WaitingList.EXPIRY_BATCH; n == WaitingList.EXPIRY_BATCH; total += n) {
      n = waitingList.expireOffers(clock.instant());
    }
    if (total > 0) {
      log.info("{} seat offer(s) ran out and passed to the next person waiting", total);
    }
    return total;
  }
}
