package org.tandem.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tandem.bot.conversation.Notifier.Lane;
import org.tandem.bot.conversation.Notifier.Pace;

/** The pacer on a clock the test moves: the platforms' windows, as they count them. */
class PacerTest {

  final AtomicLong time = new AtomicLong(1_000_000_000L);
  final Pacer pacer = new Pacer(time::get);

  static final Pace SLACK_WORKSPACE = Pace.parse("300/PT1M");
  static final Pace SLACK_CONVERSATION = Pace.parse("1/PT1S");
  static final Pace TEAMS_CONVERSATION = Pace.parse("7/PT1S, 60/PT30S");

  void advance(Duration d) {
    time.addAndGet(d.toNanos());
  }

  int sendAllThatFit(Lane lane) {
    int sent = 0;
    for (Pacer.Ticket t = pacer.take(lane); t != null; t = pacer.take(lane)) {
      t.sent();
      sent++;
    }
    return sent;
  }

  @Test
  void aSlackWorkspaceTakes300InAMinuteThenWaitsForTheFirstToLeaveTheWindow() {
    int sent = 0;
    for (int person = 0; person < 400; person++) {
      Lane lane = new Lane("ws", SLACK_WORKSPACE, "ws:U" + person, SLACK_CONVERSATION);
      Pacer.Ticket t = pacer.take(lane);
      if (t != null) {
        t.sent();
        sent++;
      }
    }
    assertThat(sent).isEqualTo(300);
    Lane next = new Lane("ws", SLACK_WORKSPACE, "ws:U400", SLACK_CONVERSATION);
    assertThat(pacer.wait(next)).isEqualTo(Duration.ofMinutes(1).toNanos() + 1);
    advance(Duration.ofSeconds(59));
    assertThat(pacer.take(next)).isNull();
    advance(Duration.ofSeconds(1));
    assertThat(pacer.take(next)).isNotNull();
  }

  @Test
  void aSlackConversationTakesOneASecondCountedFromWhenTheCallReturned() {
    Lane lane = new Lane("ws", SLACK_WORKSPACE, "ws:U1", SLACK_CONVERSATION);
    Pacer.Ticket first = pacer.take(lane);
    assertThat(first).isNotNull();
    advance(Duration.ofMillis(300)); // Slack took 300 ms to answer
    first.sent();
    assertThat(pacer.take(lane)).isNull();
    assertThat(pacer.wait(lane)).isEqualTo(Duration.ofSeconds(1).toNanos() + 1);
    advance(Duration.ofSeconds(1));
    assertThat(pacer.take(lane)).isNotNull();
    assertThat(pacer.wait(new Lane("ws", SLACK_WORKSPACE, "ws:U2", SLACK_CONVERSATION)))
        .as("another conversation of the workspace goes at once")
        .isZero();
  }

  @Test
  void aTeamsConversationTakesSevenASecondAndSixtyInThirtySeconds() {
    Lane lane = new Lane("t", Pace.parse("50/PT1S"), "t:conv", TEAMS_CONVERSATION);
    int total = 0;
    for (int second = 0; second < 30; second++) {
      int now = sendAllThatFit(lane);
      assertThat(now).isLessThanOrEqualTo(7);
      total += now;
      advance(Duration.ofSeconds(1));
    }
    assertThat(total).isEqualTo(60);
  }

  @Test
  void aPausedWorkspaceWaitsForItsRetryAfterWhileOthersGoOn() {
    Lane paused = new Lane("ws-a", SLACK_WORKSPACE, "ws-a:U1", SLACK_CONVERSATION);
    Lane other = new Lane("ws-b", SLACK_WORKSPACE, "ws-b:U1", SLACK_CONVERSATION);
    pacer.pause("ws-a", Duration.ofSeconds(30));
    assertThat(pacer.take(paused)).isNull();
    assertThat(pacer.wait(paused)).isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(pacer.take(other)).isNotNull();
    advance(Duration.ofSeconds(30));
    assertThat(pacer.take(paused)).isNotNull();
  }

  @Test
  void aPaceIsReadAsCountsInWindows() {
    assertThat(TEAMS_CONVERSATION.counts()).containsExactly(7, 60);
    assertThat(TEAMS_CONVERSATION.windows())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(TEAMS_CONVERSATION.toString()).isEqualTo("7/PT1S,60/PT30S");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pace.parse("300 a minute"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pace.parse("0/PT1S"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
