package org.tandem.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.springframework.context.SmartLifecycle;

/**
 * The Socket Mode connection when {@code SLACK_APP_TOKEN} is set: opened at start, closed at stop.
 */
class SlackSocketMode implements SmartLifecycle {

  private final SlackSettings settings;
  private final App app;
  private SocketModeApp socket;

  SlackSocketMode(SlackSettings settings, App app) {
    this.settings = settings;
    this.app = app;
  }

  @Override
  public synchronized void start() {
    if (!settings.socketMode() || socket != null) {
      return;
    }
    try {
      socket = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
      socket.startAsync();
    } catch (Exception e) {
      throw new IllegalStateException("Could not open Slack Socket Mode with SLACK_APP_TOKEN", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        // closing anyway
      }
      socket = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return socket != null;
  }
}
