package org.tandem.bot.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Answers the inbox. A delivery accepted here is worked at once by this instance ({@link #start(
 * InboxItem)}), and so is its retry after a back-off; a poller takes over rows whose lease has
 * passed (their instance died, or the database was down), so nothing acknowledged waits for a
 * restart. A few threads: one hanging platform call (bounded by its read timeout) cannot stop every
 * answer, and the acknowledgements keep the CPU.
 */
@Component
public class InboxWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

  private final Inbox inbox;
  private final Map<String, InboxHandler> handlers;
  private final InboxSettings settings;
  private final Semaphore free;
  private ScheduledExecutorService threads;
  private Thread poller;
  private volatile boolean running;
  private final Object wake = new Object();

  InboxWorker(Inbox inbox, List<InboxHandler> handlers, InboxSettings settings) {
    this.inbox = inbox;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(InboxHandler::channel, Function.identity()));
    this.settings = settings;
    this.free = new Semaphore(settings.workers());
  }

  /** How the inbox is worked: {@code tandem.inbox.*}. */
  @Component
  public static class InboxSettings {
    private final int workers;
    private final Duration lease;
    private final Duration poll;
    private final int maxAttempts;
    private final Duration backoff;

    InboxSettings(
        @Value("${tandem.inbox.workers:4}") int workers,
        @Value("${tandem.inbox.lease:PT60S}") Duration lease,
        @Value("${tandem.inbox.poll:PT5S}") Duration poll,
        @Value("${tandem.inbox.max-attempts:12}") int maxAttempts,
        @Value("${tandem.inbox.backoff:PT1S}") Duration backoff) {
      this.backoff = backoff;
      this.workers = workers;
      this.lease = lease;
      this.poll = poll;
      this.maxAttempts = maxAttempts;
    }

    public int workers() {
      return workers;
    }

    /** How long a worker keeps a row before another instance may take it over. */
    public Duration lease() {
      return lease;
    }

    public Duration poll() {
      return poll;
    }

    public int maxAttempts() {
      return maxAttempts;
    }

    /** After the n-th failed attempt: the first back-off, doubled each time, at most 5 minutes. */
    Duration backoff(int attempts) {
      Duration d = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
      return d.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : d;
    }
  }

  /** How long an accepted row stays with this instance before another may take it over. */
  public java.time.Duration lease() {
    return settings.lease();
  }

  /** Works a row this instance just accepted (or re-claimed), now. */
  public void start(InboxItem item) {
    ScheduledExecutorService pool = threads;
    if (pool == null || !running) {
      return; // the poller of a running instance takes it over after the lease
    }
    pool.execute(() -> run(item));
  }

  private void run(InboxItem item) {
    InboxHandler handler = handlers.get(item.channel());
    try {
      handler.work(item);
    } catch (RuntimeException e) {
      later(item, handler, e);
    }
  }

  private void later(InboxItem item, InboxHandler handler, RuntimeException e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    try {
      if (item.attempts() >= settings.maxAttempts()) {
        var apology = item.apology() ? java.util.Optional.<String>empty() : handler.apology(item);
        if (apology.isPresent()) {
          log.error(
              "Inbox {} ({}) not answered after {} attempts ({}): the person will be told to ask"
                  + " again",
              item.id(),
              item.key(),
              item.attempts(),
              error);
          Duration delay =
              e instanceof RetryLater r && r.after() != null
                  ? r.after()
                  : settings.backoff(item.attempts());
          again(inbox.apologise(item, apology.get(), error, delay, settings.lease()), delay);
          return;
        }
        log.error(
            "Giving up inbox {} ({}) after {} attempts: {}",
            item.id(),
            item.key(),
            item.attempts(),
            error);
        inbox.failed(item, error);
        return;
      }
      Duration delay =
          e instanceof RetryLater r && r.after() != null
              ? r.after()
              : settings.backoff(item.attempts());
      log.warn(
          "Inbox {} ({}) attempt {} failed, again in {} s: {}",
          item.id(),
          item.key(),
          item.attempts(),
          delay.toSeconds(),
          error);
      inbox.retry(item, error, delay, settings.lease());
      again(item, delay);
    } catch (RuntimeException down) {
      // The database itself failed: the lease runs out and the poller takes the row over.
      log.warn("Could not record the failure of inbox {}: {}", item.id(), down.toString());
    }
  }

  /** Claims the row again after {@code delay} and works it, unless someone took it over. */
  private void again(InboxItem item, Duration delay) {
    threads.schedule(
        () -> {
          try {
            inbox.reclaim(item, settings.lease()).ifPresent(this::run);
          } catch (RuntimeException again) {
            log.warn(
                "Could not claim inbox {} again; the poller will: {}", item.id(), again.toString());
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Wakes the poller (after an outage, tests). */
  public void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void poll() {
    while (running) {
      try {
        int room = free.availablePermits();
        if (room > 0 && !handlers.isEmpty()) {
          for (InboxItem item :
              inbox.claimDue(List.copyOf(handlers.keySet()), room, settings.lease())) {
            // Accepted rows start leased to their instance: a due one was left by a dead instance,
            // or by a failure this instance could not even record.
            log.info(
                "Taking over inbox {} ({}), attempt {}", item.id(), item.key(), item.attempts());
            free.acquireUninterruptibly();
            threads.execute(
                () -> {
                  try {
                    run(item);
                  } finally {
                    free.release();
                  }
                });
          }
        }
      } catch (RuntimeException e) {
        log.warn("Could not claim inbox rows: {}", e.toString());
      }
      synchronized (wake) {
        try {
          wake.wait(Math.max(50, settings.poll().toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    running = true;
    threads =
        Executors.newScheduledThreadPool(
            settings.workers(),
            r -> {
              Thread t = new Thread(r, "inbox-worker");
              t.setDaemon(true);
              return t;
            });
    poller = new Thread(this::poll, "inbox-poller");
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  public void stop() {
    running = false;
    wake();
    if (poller != null) {
      poller.interrupt();
    }
    if (threads != null) {
      threads.shutdown();
      try {
        threads.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
