package org.tandem.bot.support;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for Microsoft Graph and its sign-in: the client-credentials token endpoint
 * ({@code /{tenant}/oauth2/v2.0/token}) and the install of an app in a user's personal scope
 * ({@code POST /v1.0/users/{id}/teamwork/installedApps}), answered 201 as Graph does, 409 when the
 * app is already installed for them, and 403 for a tenant that did not grant {@code
 * TeamsAppInstallation.ReadWriteSelfForUser.All} (see {@link #refuse}).
 */
public final class FakeGraph implements AutoCloseable {

  /** The app's id in the tenant's app catalog, as the test configures it. */
  public static final String CATALOG_APP_ID = "f1f2f3f4-0000-4000-8000-00000000ca7a";

  /** Installs asked: the user id, then the body. */
  public final List<String[]> installs = new CopyOnWriteArrayList<>();

  /** Token requests: the tenant, then the form. */
  public final List<String[]> tokenRequests = new CopyOnWriteArrayList<>();

  private final Set<String> refusingTenants = ConcurrentHashMap.newKeySet();
  private final Set<String> installed = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  public FakeGraph() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/",
        x -> {
          String path = x.getRequestURI().getPath();
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          String answer;
          if (path.endsWith("/oauth2/v2.0/token")) {
            String tenant = path.split("/")[1];
            tokenRequests.add(new String[] {tenant, body});
            status = 200;
            answer =
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-token-"
                    + tenant
                    + "\"}";
          } else if (path.startsWith("/v1.0/users/") && path.endsWith("/teamwork/installedApps")) {
            String user = path.split("/")[3];
            installs.add(new String[] {user, body});
            String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
            boolean refused =
                refusingTenants.stream().anyMatch(t -> auth.equals("Bearer graph-token-" + t));
            if (refused) {
              status = 403;
              answer =
                  "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions on"
                      + " the request. API requires one of"
                      + " 'TeamsAppInstallation.ReadWriteSelfForUser.All'.\"}}";
            } else if (!installed.add(user)) {
              status = 409;
              answer = "{\"error\":{\"code\":\"Conflict\",\"message\":\"App already installed\"}}";
            } else {
              status = 201;
              answer = "{}";
            }
          } else {
            status = 404;
            answer = "{\"error\":{\"code\":\"NotFound\"}}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().add("Content-Type", "application/json");
          x.sendResponseHeaders(status, bytes.length);
          x.getResponseBody().write(bytes);
          x.close();
        });
    server.start();
  }

  /** The AAD tenant did not grant the permission: its installs answer 403. */
  public void refuse(String tenant) {
    refusingTenants.add(tenant);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Points Tandem's Graph settings at this fake. */
  public void configure(DynamicPropertyRegistry registry) {
    registry.add("TEAMS_GRAPH_URL", () -> baseUrl() + "/v1.0");
    registry.add("TEAMS_LOGIN_URL", this::baseUrl);
    registry.add("TEAMS_CATALOG_APP_ID", () -> CATALOG_APP_ID);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
