package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeBotConnector;
import org.tandem.bot.support.TeamsActivities;

/**
 * A card's button or a dialog (an invoke) must be answered in the HTTP response, before Teams gives
 * up (15 s). A new person's first click asks the connector for their profile; with the connector
 * slower than the deadline (set short here: 300 ms), Teams still gets an answer in time, in the
 * person's language, and the work finishes on its own: the person enrolled with the profile's
 * email, the activity recorded as done.
 */
@BotTest
class TeamsInvokeDeadlineTest {

  static final String APP_ID = "00000000-0000-0000-0000-0000000de4d1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeBotConnector connector = new FakeBotConnector();

  @DynamicPropertySource
  static void teams(DynamicPropertyRegistry registry) {
    connector.configure(registry, APP_ID);
    registry.add("tandem.teams.invoke-deadline", () -> "PT0.3S");
  }

  @AfterAll
  static void stop() {
    connector.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  TeamsActivities activities;

  @BeforeEach
  void activities() {
    activities = new TeamsActivities(port, APP_ID, connector, jdbc);
  }

  @Test
  void aFirstClickSlowerThanTheDeadlineIsAnsweredInTimeAndFinishesOnItsOwn() throws Exception {
    connector.memberHang = Duration.ofSeconds(2);
    String aad = UUID.randomUUID().toString();
    ObjectNode fetch = invoke(aad, "fr-FR", "task/fetch");
    fetch.putObject("value").putObject("data").put("action", "profile.edit");

    HttpResponse<String> r = post(fetch);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(r.body());
    assertThat(answer.at("/task/type").asText()).isEqualTo("message");
    assertThat(answer.at("/task/value").asText())
        .isEqualTo(
            "Cela prend plus de temps que d'habitude. Si rien n'a changé d'ici une minute, merci"
                + " de réessayer.");
    assertThat(done(fetch)).as("the click's work finished after the answer").isTrue();
    assertThat(email(aad)).contains(aad + "@contoso.example");
  }

  @Test
  void aLateCardActionGetsAMessageAndKeepsItsCard() throws Exception {
    connector.memberHang = Duration.ofSeconds(2);
    String aad = UUID.randomUUID().toString();
    ObjectNode click = invoke(aad, "en-US", "adaptiveCard/action");
    click.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "help");

    JsonNode answer = JSON.readTree(post(click).body());

    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.get("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
    assertThat(answer.get("value").asText())
        .isEqualTo(
            "This is taking longer than usual. If nothing has changed in a minute, please try"
                + " again.");
    assertThat(done(click)).isTrue();
  }

  /** A click in the person's chat; member lookups there hang for {@code connector.memberHang}. */
  ObjectNode invoke(String aad, String locale, String name) {
    ObjectNode a =
        activities.activity("invoke", UUID.randomUUID().toString(), aad, aad, "personal");
    a.put("name", name);
    a.put("locale", locale);
    ((ObjectNode) a.get("conversation")).put("id", "a:slow-" + aad);
    return a;
  }

  /** An invoke is answered in the response itself: nothing to wait for after it. */
  HttpResponse<String> post(ObjectNode activity) throws Exception {
    return activities.post(activity);
  }

  /** Whether the activity's work was recorded as done, waiting up to 20 s for it. */
  boolean done(ObjectNode activity) throws InterruptedException {
    String key = "activity:" + activity.get("id").asText();
    for (int i = 0; i < 400; i++) {
      Optional<String> status =
          jdbc.sql("select status from inbox where channel = 'teams' and dedupe_key = ?")
              .param(key)
              .query(String.class)
              .optional();
      if (status.filter("DONE"::equals).isPresent()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  Optional<String> email(String aad) {
    return jdbc.sql(
            """
            select e.email from employee e
            join chat_identity c on c.employee_id = e.id and c.tenant_id = e.tenant_id
            where c.kind = 'TEAMS' and c.external_id = ?""")
        .param(aad)
        .query(String.class)
        .optional();
  }
}
