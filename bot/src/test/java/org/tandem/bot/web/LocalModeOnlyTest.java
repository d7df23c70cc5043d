package org.tandem.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;
import org.tandem.bot.TandemApplication;
import org.tandem.bot.demo.TryItMode;
import org.tandem.bot.support.BotTest;

/**
 * The try-it chat and the demo tenant exist in local mode only: never with a real database, a Slack
 * or a Teams setting, unless {@code TANDEM_TRY_IT=true} asks for it, and then on 127.0.0.1 only.
 */
@BotTest
class LocalModeOnlyTest {

  static final org.tandem.bot.support.FakeSlackApi slack =
      new org.tandem.bot.support.FakeSlackApi();

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    slack.close();
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;

  @Test
  void localModeServesTheTryItChatWithTheDemoPeople() {
    RestClient http = RestClient.create("http://localhost:" + port);
    assertThat(http.get().uri("/").retrieve().body(String.class))
        .contains("Tandem")
        .contains("try-it chat");
    assertThat(http.get().uri("/try/people").retrieve().body(String.class))
        .contains("david.reuter");
  }

  @Test
  void theDemoAdminOfTheTryItChatGetsNoLinkCode() {
    RestClient http = RestClient.create("http://localhost:" + port);
    String answer =
        http.post()
            .uri("/try/message")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .body(java.util.Map.of("handle", "claire.weber", "locale", "en", "text", "admin link"))
            .retrieve()
            .body(String.class);
    assertThat(answer).contains("company of the try-it chat").doesNotContain("Code");
    assertThat(
            org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql(
                    "select count(*) from tenant_link_code c join tenant t on t.id = c.tenant_id"
                        + " where t.platform = 'LOCAL'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theTryItPageSpeaksThePickedLanguage() {
    RestClient http = RestClient.create("http://localhost:" + port);
    assertThat(http.get().uri("/").retrieve().body(String.class))
        .contains("data-word=\"try.send\"")
        .contains("data-placeholder=\"try.placeholder\"");
    assertThat(http.get().uri("/try/words?locale=fr").retrieve().body(String.class))
        .contains("\"try.send\":\"Envoyer\"")
        .contains("\"try.help\":\"aide\"")
        .contains("Vous parlez en tant que");
    assertThat(http.get().uri("/try/words?locale=de").retrieve().body(String.class))
        .contains("\"try.send\":\"Senden\"")
        .contains("Sie sprechen als");
    assertThat(http.get().uri("/try/words?locale=en").retrieve().body(String.class))
        .contains("\"try.send\":\"Send\"");
  }

  @Test
  void outsideLocalModeTandemRefusesToStartWithoutAnEncryptionKey() {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SpringApplication.run(
                        TandemApplication.class,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--spring.main.banner-mode=off")
                    .close())
        .hasStackTraceContaining("TANDEM_ENCRYPTION_KEY is required outside local mode");
  }

  @Test
  void withAnExternalDatabaseThereIsNoTryItChatAndNoDemoLoader() {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    try (ConfigurableApplicationContext app =
        SpringApplication.run(
            TandemApplication.class,
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--tandem.encryption-key=" + org.tandem.bot.security.TokenCipher.newKey(),
            "--server.port=0",
            "--spring.main.banner-mode=off")) {
      assertThat(app.getBeanNamesForType(TryChatController.class)).isEmpty();
      assertThat(app.containsBean("demoTenantLoader")).isFalse();
      int external = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      int status =
          RestClient.create("http://localhost:" + external)
              .get()
              .uri("/")
              .exchange((req, res) -> res.getStatusCode().value());
      assertThat(status).isEqualTo(404);
    }
  }

  static ConfigurableApplicationContext start(String... settings) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--tandem.embedded-postgres.data-dir=",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
    args.addAll(java.util.List.of(settings));
    return SpringApplication.run(TandemApplication.class, args.toArray(String[]::new));
  }

  static int status(ConfigurableApplicationContext app, String path) {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    return RestClient.create("http://127.0.0.1:" + port)
        .get()
        .uri(path)
        .exchange((req, res) -> res.getStatusCode().value());
  }

  @Test
  void aSlackOrTeamsSettingAloneTurnsTheTryItChatAndTheDemoOff() {
    for (String[] settings :
        java.util.List.of(
            new String[] {
              "--SLACK_SIGNING_SECRET=s",
              "--SLACK_BOT_TOKEN=xoxb-1",
              "--SLACK_API_URL=" + slack.apiUrl()
            },
            new String[] {"--TEAMS_APP_ID=app", "--TEAMS_APP_PASSWORD=p"},
            new String[] {"--TANDEM_TRY_IT=false"})) {
      try (ConfigurableApplicationContext app = start(settings)) {
        assertThat(app.getBeanNamesForType(TryChatController.class)).isEmpty();
        assertThat(app.containsBean("demoTenantLoader")).isFalse();
        assertThat(status(app, "/")).isEqualTo(404);
        assertThat(status(app, "/try/people")).isEqualTo(404);
      }
    }
  }

  @Test
  void everyDatabaseSlackOrTeamsCredentialCountsAsARealSetting() {
    for (String key : TryItMode.REAL_SETTINGS) {
      assertThat(TryItMode.enabled(new MockEnvironment().withProperty(key, "x"))).as(key).isFalse();
      assertThat(
              TryItMode.enabled(
                  new MockEnvironment()
                      .withProperty(key, "x")
                      .withProperty("TANDEM_TRY_IT", "true")))
          .isTrue();
    }
    assertThat(TryItMode.enabled(new MockEnvironment())).isTrue();
    assertThat(TryItMode.enabled(new MockEnvironment().withProperty("SLACK_API_URL", "x")))
        .isTrue();
  }

  @Test
  void tandemTryItTrueBesideTeamsServesTheChatOnLoopbackOnly() throws Exception {
    try (ConfigurableApplicationContext app =
        start("--TEAMS_APP_ID=app", "--TEAMS_APP_PASSWORD=p", "--TANDEM_TRY_IT=true")) {
      assertThat(status(app, "/try/people")).isEqualTo(200);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      java.net.InetAddress outside = nonLoopbackAddress();
      org.junit.jupiter.api.Assumptions.assumeTrue(
          outside != null, "this machine has no address besides loopback");
      try (java.net.Socket socket = new java.net.Socket()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> socket.connect(new java.net.InetSocketAddress(outside, port), 2000))
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }

  static java.net.InetAddress nonLoopbackAddress() throws java.net.SocketException {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .filter(a -> a instanceof java.net.Inet4Address)
        .findFirst()
        .orElse(null);
  }
}
