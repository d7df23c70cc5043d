package org.tandem.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** When the work after the ack cannot even be queued, the person is told so, politely, at once. */
class BusyTest {

  @Test
  void aCommandThatCannotBeQueuedIsAnsweredBusyInTheAck() throws Exception {
    ExecutorService full = Executors.newSingleThreadExecutor();
    full.shutdown(); // rejects every task, as a full queue does
    TandemCommandHandler handler = new TandemCommandHandler(null, null, new AfterAck(null, full));
    SlashCommandRequest request =
        new SlashCommandRequest(
            "team_id=T1&user_id=U1&command=%2Ftandem&text=missions&trigger_id=1.2.3&response_url=http%3A%2F%2Flocalhost%2Fr",
            new RequestHeaders(
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"))));
    Response response = handler.apply(request, request.getContext());
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody())
        .contains("ephemeral")
        .contains("try again in a minute")
        .contains("réessayez");
  }
}
