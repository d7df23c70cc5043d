package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.security.TokenCipher;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;
import org.tandem.bot.support.SlackRequests;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.People;
import org.tandem.core.people.Role;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenants;

/**
 * Multi-workspace install: "Add to Slack", the OAuth redirect, the token encrypted at rest, the
 * installer welcomed with the setup checklist through the outbox (a failing Slack API delays it,
 * never loses it), uninstall.
 */
@BotTest
class SlackOAuthInstallTest {

  static final String SECRET = "oauth-signing-secret";
  static final FakeSlackApi slack = new FakeSlackApi();

  @DynamicPropertySource
  static void oauthMode(DynamicPropertyRegistry registry) {
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("SLACK_CLIENT_ID", () -> "111.222");
    registry.add("SLACK_CLIENT_SECRET", () -> "client-secret");
    registry.add("SLACK_API_URL", slack::apiUrl);
    registry.add("tandem.outbox.every", () -> "PT1H");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TokenCipher cipher;
  @Autowired Tenants tenants;
  @Autowired People people;
  @Autowired org.tandem.bot.scheduling.OutboxDispatcher outbox;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void anAdminInstallsTandemAndTheTokenIsKeptEncryptedUntilUninstall() throws Exception {
    slack.user("U0INSTALLER", "Claire Weber", "fr-FR", "Europe/Luxembourg", "claire@newco.example");
    // Slack has trouble when the welcome first goes out: it is stored, and sent on a later try.
    slack.fail("chat.postMessage", 500, 1);
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/install"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher state = Pattern.compile("state=([\\w-]+)").matcher(page.body());
    assertThat(state.find()).as(page.body()).isTrue();
    assertThat(page.body())
        .contains("slack.com/oauth/v2/authorize")
        .contains("client_id=111.222")
        .contains("commands");
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> done =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/slack/oauth_redirect?code=the-code&state="
                            + state.group(1)))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isLessThan(400);
    assertThat(slack.calls("oauth.v2.access")).hasSize(1);

    String stored =
        jdbc.sql("select bot_token_enc from slack_installation where team_id = 'T0NEW'")
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("xoxb");
    assertThat(cipher.decrypt(stored)).isEqualTo("xoxb-installed-token");
    var tenant = tenants.find(Platform.SLACK, "T0NEW").orElseThrow();
    var installer = people.identify(tenant.id(), IdentityKind.SLACK, "U0INSTALLER").orElseThrow();
    assertThat(installer.has(Role.ADMIN)).isTrue();
    assertThat(installer.has(Role.CSR_MANAGER)).isTrue();
    assertThat(installer.displayName()).isEqualTo("Claire Weber");
    long deadlineFailed = System.currentTimeMillis() + 10_000;
    while (jdbc.sql(
                "select count(*) from notification where kind = 'SETUP_CHECKLIST'"
                    + " and last_error is not null and sent_at is null")
            .query(Integer.class)
            .single()
        == 0) {
      assertThat(System.currentTimeMillis()).as("the first try failed").isLessThan(deadlineFailed);
      Thread.sleep(50);
    }
    jdbc.sql("update notification set next_attempt_at = now() where kind = 'SETUP_CHECKLIST'")
        .update();
    assertThat(outbox.dispatch()).isEqualTo(1);
    FakeSlackApi.Call welcome =
        slack.await("chat.postMessage", c -> "U0INSTALLER".equals(c.param("channel")));
    assertThat(welcome.param("text"))
        .contains("Tandem est installé")
        .contains("Mise en place de Tandem chez New Co")
        .contains("1. La politique");

    // A forged or replayed state is refused and installs nothing.
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/slack/oauth_redirect?code=x&state=forged"))
                .header("Cookie", "slack-app-oauth-state=forged")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.body()).doesNotContain("xoxb");
    assertThat(slack.calls("oauth.v2.access")).hasSize(1);

    // app_uninstalled deletes the token at once; the tenant's data stays.
    HttpResponse<String> uninstall =
        new SlackRequests(port, SECRET, slack)
            .event("T0NEW", "EvUninstall", Map.of("type", "app_uninstalled"), Map.of());
    assertThat(uninstall.statusCode()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 5000;
    // The token is deleted, then the tenant marked uninstalled (two transactions): wait for both.
    while ((jdbc.sql("select count(*) from slack_installation where team_id = 'T0NEW'")
                    .query(Integer.class)
                    .single()
                > 0
            || tenants.find(Platform.SLACK, "T0NEW").orElseThrow().uninstalledAt() == null)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(
            jdbc.sql("select count(*) from slack_installation where team_id = 'T0NEW'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(tenants.find(Platform.SLACK, "T0NEW").orElseThrow().uninstalledAt()).isNotNull();
  }
}
