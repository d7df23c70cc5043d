package org.tandem.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack Connect: a channel shared with another organisation lets its people mention Tandem or click
 * its buttons, and Slack then names this workspace as the team while the user's own {@code team_id}
 * is theirs. Such a person is no employee of this company: they are neither enrolled nor heard,
 * whatever the request (HTTP or Socket Mode, as a Bolt middleware after Slack's signature check). A
 * button click is answered, to them only, with why.
 */
class OtherOrganisations implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(OtherOrganisations.class);

  /** Their language is unknown to Tandem: said in the three it speaks. */
  static final String NOT_HERE =
      "Tandem serves the people of this workspace only, not guests from other organisations."
          + " / Tandem sert uniquement les personnes de cet espace, pas les invités d'autres"
          + " organisations. / Tandem steht nur den Personen dieses Workspace zur Verfügung, nicht"
          + " Gästen anderer Organisationen.";

  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();

  OtherOrganisations(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's interface takes the raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Optional<String> guest = guestTeam(req);
    if (guest.isEmpty()) {
      return chain.next(req);
    }
    log.info("Ignored a {} from a user of another organisation ({})", req.getRequestType(), guest);
    if (req instanceof BlockActionRequest action) {
      try {
        executor.submit(
            () -> {
              try {
                action.getContext().respond(r -> r.responseType("ephemeral").text(NOT_HERE));
              } catch (Exception e) {
                log.warn("Could not tell a guest of another organisation why", e);
              }
            });
      } catch (RejectedExecutionException e) {
        log.debug("Busy: the guest is not told why", e);
      }
    }
    return Response.ok();
  }

  /** The user's own team when it is not the team the request comes for. */
  Optional<String> guestTeam(Request<?> req) {
    if (req instanceof BlockActionRequest a && a.getPayload() != null) {
      var p = a.getPayload();
      return differs(
          p.getTeam() == null ? null : p.getTeam().getId(),
          p.getUser() == null ? null : p.getUser().getTeamId());
    }
    if (req instanceof ViewSubmissionRequest v && v.getPayload() != null) {
      var p = v.getPayload();
      return differs(
          p.getTeam() == null ? null : p.getTeam().getId(),
          p.getUser() == null ? null : p.getUser().getTeamId());
    }
    if (req instanceof EventRequest e) {
      try {
        JsonNode body = json.readTree(e.getRequestBodyAsString());
        return differs(
            body.path("team_id").asText(null), body.path("event").path("user_team").asText(null));
      } catch (Exception ex) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> differs(String team, String userTeam) {
    if (team == null || userTeam == null || userTeam.isBlank() || userTeam.equals(team)) {
      return Optional.empty();
    }
    return Optional.of(userTeam);
  }
}
