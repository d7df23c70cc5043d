package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.bot.support.BotTest;
import org.tandem.bot.support.FakeSlackApi;

/**
 * Socket Mode: with {@code SLACK_APP_TOKEN}, Tandem opens a WebSocket to Slack (here a local fake
 * reached through a faked {@code apps.connections.open}), acknowledges each envelope on it, and
 * answers the person through the response URL, no public URL needed.
 */
@BotTest
class SlackSocketModeTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeSlackApi slack = new FakeSlackApi();
  static final FakeSocket socket = FakeSocket.launch();

  @DynamicPropertySource
  static void socketMode(DynamicPropertyRegistry registry) {
    slack.answer(
        "apps.connections.open",
        "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}");
    registry.add("SLACK_APP_TOKEN", () -> "xapp-1-test");
    registry.add("SLACK_BOT_TOKEN", () -> "xoxb-socket");
    registry.add("SLACK_API_URL", slack::apiUrl);
  }

  @AfterAll
  static void stop() throws Exception {
    slack.close();
    socket.stop(1000);
  }

  @Test
  void aSlashCommandArrivingOnTheSocketIsAcknowledgedAndAnswered() throws Exception {
    WebSocket connection = socket.connections.poll(30, TimeUnit.SECONDS);
    assertThat(connection).as("Tandem connected to the socket").isNotNull();
    slack.user("U0SOCKET", "Sam", "en-US", "Europe/Luxembourg", "sam@acme.example");
    Map<String, Object> payload =
        Map.ofEntries(
            Map.entry("token", "x"),
            Map.entry("team_id", "T0SOCK"),
            Map.entry("team_domain", "sock"),
            Map.entry("channel_id", "C1"),
            Map.entry("user_id", "U0SOCKET"),
            Map.entry("user_name", "sam"),
            Map.entry("command", "/tandem"),
            Map.entry("text", "help"),
            Map.entry("response_url", slack.responseUrl("socket")),
            Map.entry("trigger_id", "9.9.socket"));
    connection.send(
        JSON.writeValueAsString(
            Map.of(
                "envelope_id",
                "env-1",
                "type",
                "slash_commands",
                "payload",
                payload,
                "accepts_response_payload",
                true)));
    String ack = socket.messages.poll(10, TimeUnit.SECONDS);
    assertThat(ack).isNotNull();
    assertThat(JSON.readTree(ack).get("envelope_id").asText()).isEqualTo("env-1");
    FakeSlackApi.Call reply = slack.await("/response/socket", c -> true);
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).contains("Tandem");
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
  }

  /** Slack's side of the socket: says hello, then records what Tandem sends back. */
  static final class FakeSocket extends WebSocketServer {
    final BlockingQueue<WebSocket> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    FakeSocket() {
      super(new InetSocketAddress("127.0.0.1", 0));
    }

    static FakeSocket launch() {
      FakeSocket s = new FakeSocket();
      s.setReuseAddr(true);
      s.start();
      long deadline = System.currentTimeMillis() + 5000;
      while (s.getPort() == 0 && System.currentTimeMillis() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return s;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"local\"},\"connection_info\":{\"app_id\":\"A0TANDEM\"}}");
      connections.add(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      messages.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {}
  }
}
