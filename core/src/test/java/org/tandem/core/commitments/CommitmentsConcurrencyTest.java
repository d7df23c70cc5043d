package org.tandem.core.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.core.common.Outcome;
import org.tandem.core.missions.Mission;
import org.tandem.core.missions.MissionStatus;
import org.tandem.core.missions.Missions;
import org.tandem.core.people.Employee;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

@DatabaseTest
class CommitmentsConcurrencyTest {

  @Autowired Fixtures fixtures;
  @Autowired Commitments commitments;
  @Autowired Missions missions;
  @Autowired WaitingList waitingList;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void fiftyConcurrentCommitsOnTenSeatsConfirmTenAndWaitlistForty() throws Exception {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 10);
    List<Employee> people = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      people.add(fixtures.person(tenant, "Volunteer " + i));
    }
    List<Outcome<Commitment>> outcomes =
        runTogether(people, e -> commitments.commit(tenant, e.id(), mission.id(), false));

    assertThat(outcomes).allMatch(Outcome::isDone);
    assertThat(outcomes.stream().map(o -> o.value().status()))
        .containsOnly(CommitmentStatus.CONFIRMED, CommitmentStatus.WAITLISTED)
        .filteredOn(s -> s == CommitmentStatus.CONFIRMED)
        .hasSize(10);
    Mission after = missions.find(tenant, mission.id()).orElseThrow();
    assertThat(after.seatsTaken()).isEqualTo(10);
    assertThat(after.status()).isEqualTo(MissionStatus.FULL);
    assertThat(outcomes.stream().map(o -> o.value().waitlistPosition()).filter(p -> p > 0).sorted())
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
  }

  @Test
  void theLastSeatGoesToExactlyOneOfTwoConcurrentCommits() throws Exception {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 1);
    List<Employee> two = List.of(fixtures.person(tenant, "A"), fixtures.person(tenant, "B"));
    List<Outcome<Commitment>> outcomes =
        runTogether(two, e -> commitments.commit(tenant, e.id(), mission.id(), false));
    assertThat(outcomes.stream().map(o -> o.value().status()))
        .containsExactlyInAnyOrder(CommitmentStatus.CONFIRMED, CommitmentStatus.WAITLISTED);
  }

  @Test
  void theSameCommitRepeatedConcurrentlyMakesOneCommitment() throws Exception {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 5);
    Employee ana = fixtures.person(tenant, "Ana");
    List<Employee> same = java.util.Collections.nCopies(8, ana);
    List<Outcome<Commitment>> outcomes =
        runTogether(same, e -> commitments.commit(tenant, e.id(), mission.id(), false));
    assertThat(outcomes.stream().map(o -> o.value().id()).distinct()).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.value().repeated())).hasSize(1);
    assertThat(missions.find(tenant, mission.id()).orElseThrow().seatsTaken()).isEqualTo(1);
  }

  @Test
  void cancelsAndAcceptsRacingKeepEverySeatCountedOnceAndTheWaitingListInOrder() throws Exception {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 10);
    List<Commitment> seats = new ArrayList<>();
    List<Commitment> waiting = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Employee e = fixtures.person(tenant, "Volunteer " + i);
      (i < 10 ? seats : waiting)
          .add(commitments.commit(tenant, e.id(), mission.id(), false).value());
    }
    // Five seats freed: offered to the first five waiting.
    for (Commitment c : seats.subList(0, 5)) {
      commitments.cancel(tenant, c.employeeId(), c.id()).value();
    }
    // The other five cancel while the five offered accept.
    List<Runnable> racing = new ArrayList<>();
    for (Commitment c : seats.subList(5, 10)) {
      racing.add(() -> commitments.cancel(tenant, c.employeeId(), c.id()).value());
    }
    for (Commitment c : waiting.subList(0, 5)) {
      racing.add(
          () ->
              commitments.accept(tenant, c.employeeId(), c.id(), java.time.Instant.now()).value());
    }
    runTogether(racing);

    for (Commitment c : waiting.subList(0, 5)) {
      assertThat(commitments.find(tenant, c.id()).orElseThrow().status())
          .isEqualTo(CommitmentStatus.CONFIRMED);
    }
    for (Commitment c : waiting.subList(5, 10)) {
      assertThat(commitments.find(tenant, c.id()).orElseThrow().status())
          .isEqualTo(CommitmentStatus.OFFERED);
    }
    assertThat(
            waiting.subList(10, 20).stream()
                .map(c -> commitments.find(tenant, c.id()).orElseThrow().waitlistPosition()))
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList());
    assertSeatsCountedOnce(tenant, mission, 10);
  }

  @Test
  void anAcceptRacingTheExpiryJobEndsConfirmedOrPassedOnNeverBoth() throws Exception {
    TenantId tenant = fixtures.company();
    Mission mission = fixtures.workshopInEsch(tenant, 8);
    List<Commitment> seats = new ArrayList<>();
    List<Commitment> waiting = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Employee e = fixtures.person(tenant, "Volunteer " + i);
      (i < 8 ? seats : waiting)
          .add(commitments.commit(tenant, e.id(), mission.id(), false).value());
    }
    for (Commitment c : seats) {
      commitments.cancel(tenant, c.employeeId(), c.id()).value();
    }
    java.time.Instant deadline =
        commitments.find(tenant, waiting.get(0).id()).orElseThrow().offerExpiresAt();
    List<Runnable> racing = new ArrayList<>();
    for (Commitment c : waiting.subList(0, 8)) {
      // Clicked a second before the deadline, as the job runs at the deadline.
      racing.add(
          () -> commitments.accept(tenant, c.employeeId(), c.id(), deadline.minusSeconds(1)));
    }
    racing.add(() -> waitingList.expireOffers(deadline));
    runTogether(racing);

    long confirmed = 0;
    for (Commitment c : waiting.subList(0, 8)) {
      CommitmentStatus s = commitments.find(tenant, c.id()).orElseThrow().status();
      assertThat(s).isIn(CommitmentStatus.CONFIRMED, CommitmentStatus.CANCELLED);
      confirmed += s == CommitmentStatus.CONFIRMED ? 1 : 0;
    }
    // Every offer that ran out went to the next person waiting, in order.
    long passedOn = 8 - confirmed;
    for (int i = 8; i < 16; i++) {
      assertThat(commitments.find(tenant, waiting.get(i).id()).orElseThrow().status())
          .isEqualTo(i < 8 + passedOn ? CommitmentStatus.OFFERED : CommitmentStatus.WAITLISTED);
    }
    assertSeatsCountedOnce(tenant, mission, 8);
  }

  private void assertSeatsCountedOnce(TenantId tenant, Mission mission, int held) {
    long holding =
        jdbc.sql(
                "select count(*) from commitment where tenant_id = ? and mission_id = ?"
                    + " and status in ('CONFIRMED', 'PENDING_APPROVAL', 'OFFERED', 'COMPLETED')")
            .params(tenant.value(), mission.id())
            .query(Long.class)
            .single();
    assertThat(holding).isEqualTo(held);
    assertThat(missions.find(tenant, mission.id()).orElseThrow().seatsTaken()).isEqualTo(held);
  }

  private static void runTogether(List<Runnable> tasks) throws Exception {
    runTogether(
        tasks,
        r -> {
          r.run();
          return null;
        });
  }

  private static <E, T> List<T> runTogether(
      List<E> people, java.util.function.Function<E, T> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (E e : people) {
        Callable<T> task =
            () -> {
              start.await();
              return action.apply(e);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
