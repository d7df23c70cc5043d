package org.tandem.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack install as a browser makes it: the install page sets the OAuth state cookie, Slack sends
 * the installer back with a code and that state, and Tandem exchanges the code with {@link
 * FakeSlackApi}'s {@code oauth.v2.access} (set what it answers first, for a workspace of a test's
 * own).
 */
public final class SlackOAuth {

  private static final Pattern STATE = Pattern.compile("state=([\\w-]+)");

  private SlackOAuth() {}

  /** Installs through {@code /slack/install} and {@code /slack/oauth_redirect}; the last answer. */
  public static HttpResponse<String> install(HttpClient http, int port) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/install"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher state = STATE.matcher(page.body());
    assertThat(state.find()).as(page.body()).isTrue();
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
    return done;
  }
}
