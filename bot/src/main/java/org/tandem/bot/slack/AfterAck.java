package org.tandem.bot.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.tandem.bot.channels.ProcessedEvents;

/**
 * Work that runs after Slack's request was acknowledged, once per delivery: the key (a trigger id,
 * an event id) is recorded in PostgreSQL first, so a retried or duplicated delivery does nothing.
 * The queue is bounded: when it is full the caller is told, and tells the person.
 */
class AfterAck {

  private final ProcessedEvents processed;
  private final ExecutorService executor;

  AfterAck(ProcessedEvents processed, ExecutorService executor) {
    this.processed = processed;
    this.executor = executor;
  }

  /** Queues the work; false when it could not even be queued. */
  boolean once(String key, Runnable work) {
    try {
      executor.submit(
          () -> {
            if (processed.firstTime("slack", key)) {
              work.run();
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Queues work that needs no de-duplication (it follows a request answered synchronously). */
  void run(Runnable work) {
    try {
      executor.submit(work);
    } catch (RejectedExecutionException e) {
      work.run();
    }
  }
}
