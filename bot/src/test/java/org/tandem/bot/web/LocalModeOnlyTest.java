package org.tandem.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.tandem.bot.TandemApplication;
import org.tandem.bot.support.BotTest;

/** The try-it chat and the demo tenant exist in local mode only, never with a real database. */
@BotTest
class LocalModeOnlyTest {

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
}
