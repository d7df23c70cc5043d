package org.tandem.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.tandem.bot.TandemApplication;
import org.tandem.bot.support.BotTest;

/**
 * The metrics (class names, file paths, pools, traffic) answer only the holder of {@code
 * TANDEM_METRICS_TOKEN} on the application port, or anyone on {@code MANAGEMENT_SERVER_PORT};
 * health stays open for load balancers.
 */
@BotTest
@TestPropertySource(properties = "TANDEM_METRICS_TOKEN=" + MetricsAccessTest.TOKEN)
class MetricsAccessTest {

  static final String TOKEN = "metrics-token-0123456789";

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(int port, String path, String authorization) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void prometheusAnswersOnlyTheTokenAndHealthAnswersEveryone() throws Exception {
    for (String path :
        List.of(
            "/actuator/prometheus",
            "/actuator",
            "/actuator/prometheus;x=1",
            "/actuator//prometheus",
            "/actuator/%70rometheus")) {
      for (String auth :
          java.util.Arrays.asList(null, "Bearer wrong", "Bearer ", "Basic " + TOKEN, TOKEN)) {
        HttpResponse<String> r = get(port, path, auth);
        assertThat(r.statusCode()).as(path + " " + auth).isIn(400, 401);
        assertThat(r.body()).as(path).doesNotContain("jvm_").doesNotContain("/work/");
      }
    }
    HttpResponse<String> metrics = get(port, "/actuator/prometheus", "Bearer " + TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    HttpResponse<String> health = get(port, "/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details");
    assertThat(get(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutATokenNobodyReadsTheMetricsOnTheAppPortAndTheManagementPortServesThem()
      throws Exception {
    try (ConfigurableApplicationContext app =
        SpringApplication.run(
            TandemApplication.class,
            "--tandem.embedded-postgres.data-dir=",
            "--server.port=0",
            "--MANAGEMENT_SERVER_PORT=0",
            "--tandem.demo.enabled=false",
            "--spring.main.banner-mode=off")) {
      int appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      int managementPort =
          Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
      assertThat(managementPort).isNotEqualTo(appPort);
      assertThat(get(appPort, "/actuator/prometheus", null).statusCode()).isIn(401, 404);
      assertThat(get(appPort, "/actuator/prometheus", "Bearer " + TOKEN).statusCode())
          .isIn(401, 404);
      HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
      assertThat(get(managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
    }
  }
}
