package org.tandem.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.tandem.bot.support.FakeBotConnector;

/**
 * The Bot Framework's OpenID metadata failing: tokens with key ids nobody knows must not each fetch
 * it again (thirty tokens, thirty fetches, all while activities wait): one attempt a minute.
 */
class BotFrameworkAuthenticatorTest {

  static final String APP_ID = "app";
  HttpServer metadata;
  final AtomicInteger fetches = new AtomicInteger();
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @BeforeEach
  void failingMetadata() throws Exception {
    metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metadata.createContext(
        "/",
        x -> {
          fetches.incrementAndGet();
          x.sendResponseHeaders(503, -1);
          x.close();
        });
    metadata.start();
  }

  @AfterEach
  void stop() {
    metadata.stop(0);
  }

  @Test
  void withTheMetadataFailingUnknownKeyIdsFetchItOnceAMinuteNotOnceEach() throws Exception {
    String url = "http://127.0.0.1:" + metadata.getAddress().getPort() + "/openid";
    BotFrameworkAuthenticator auth =
        new BotFrameworkAuthenticator(
            new TeamsSettings(APP_ID, "p", "", url, url, "https://api.botframework.com"),
            RestClient.create(),
            clock);
    for (int i = 0; i < 30; i++) {
      String token =
          FakeBotConnector.token(
              FakeBotConnector.key("kid-" + i),
              "https://api.botframework.com",
              APP_ID,
              now.get().plusSeconds(600),
              "https://smba.example/");
      assertThat(auth.authenticate("Bearer " + token, "https://smba.example/", "msteams"))
          .isEmpty();
    }
    assertThat(fetches.get()).isEqualTo(1);

    now.set(now.get().plus(Duration.ofSeconds(61)));
    String token =
        FakeBotConnector.token(
            FakeBotConnector.key("kid-late"),
            "https://api.botframework.com",
            APP_ID,
            now.get().plusSeconds(600),
            "https://smba.example/");
    assertThat(auth.authenticate("Bearer " + token, "https://smba.example/", "msteams")).isEmpty();
    assertThat(fetches.get()).isEqualTo(2);
  }
}
