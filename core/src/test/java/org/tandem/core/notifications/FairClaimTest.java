package org.tandem.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.support.DatabaseTest;
import org.tandem.core.support.Fixtures;
import org.tandem.core.tenants.TenantId;

/**
 * The outbox's claim takes companies in turns: a large company's 30 due messages do not come before
 * a small company's one; a company left out (its workspace asked to wait) is not claimed; a message
 * put back is not counted as an attempt and waits.
 */
@DatabaseTest
class FairClaimTest {

  @Autowired Fixtures fixtures;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;

  long tell(TenantId tenant, long to, String key) {
    notifications.enqueue(
        tenant, to, Notification.RECONSENT, key, "SLACK|" + Reconsent.SLACK_FILES);
    return jdbc.sql("select id from notification where dedupe_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  /** Every company but these: the claims of this test see only its own. */
  List<Long> others(TenantId... mine) {
    return jdbc.sql("select id from tenant where not (id = any (?))")
        .param(java.util.Arrays.stream(mine).map(TenantId::value).toArray(Long[]::new))
        .query(Long.class)
        .list();
  }

  @Test
  void companiesTakeTurnsAndALeftOutCompanyIsNotClaimed() {
    var large = fixtures.slackInstall(Locale.ENGLISH);
    var small = fixtures.slackInstall(Locale.FRENCH);
    for (int i = 0; i < 30; i++) {
      tell(large.tenant(), large.admin().id(), "fair:large:" + large.tenant().value() + ":" + i);
    }
    long request = tell(small.tenant(), small.admin().id(), "fair:small:" + small.tenant().value());
    List<Long> others = others(large.tenant(), small.tenant());

    List<Notification> first = notifications.claim(4, Duration.ofMinutes(2), others);

    assertThat(first).hasSize(4);
    assertThat(first.get(0).tenant()).isEqualTo(large.tenant());
    assertThat(first.get(1).id()).as("the small company's turn comes second").isEqualTo(request);
    assertThat(first.subList(2, 4)).allMatch(n -> n.tenant().equals(large.tenant()));

    List<Long> leftOut = new java.util.ArrayList<>(others);
    leftOut.add(large.tenant().value());
    assertThat(notifications.claim(50, Duration.ofMinutes(2), leftOut)).isEmpty();
  }

  @Test
  void aMessagePutBackIsNotCountedAsAnAttemptAndWaits() {
    var company = fixtures.slackInstall(Locale.GERMAN);
    long id = tell(company.tenant(), company.admin().id(), "fair:back:" + company.tenant().value());
    List<Long> others = others(company.tenant());
    assertThat(notifications.claim(10, Duration.ofMinutes(2), others))
        .singleElement()
        .matches(n -> n.id() == id && n.attempts() == 1);

    notifications.putBack(id, Duration.ofMinutes(5));

    assertThat(notifications.claim(10, Duration.ofMinutes(2), others)).isEmpty();
    assertThat(
            jdbc.sql(
                    "select attempts from notification where id = ?"
                        + " and next_attempt_at > now() + interval '4 minutes'")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
