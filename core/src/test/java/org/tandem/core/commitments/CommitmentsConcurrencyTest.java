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

  private static <T> List<T> runTogether(
      List<Employee> people, java.util.function.Function<Employee, T> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Employee e : people) {
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
