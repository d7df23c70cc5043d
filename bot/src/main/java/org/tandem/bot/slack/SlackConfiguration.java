package org.tandem.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.http.SlackHttpClient;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.bot.channels.HttpTimeouts;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.channels.InboxWorker;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.directory.DirectoryUploads;
import org.tandem.bot.security.TokenCipher;
import org.tandem.core.people.People;
import org.tandem.core.places.Geocoder;
import org.tandem.core.tenants.Tenants;

/**
 * Wires Tandem into Slack with Bolt: one registrar for every listener, the events endpoint at
 * {@code /slack/events}, OAuth install at {@code /slack/install} and {@code /slack/oauth_redirect}
 * (multi-workspace mode), and Socket Mode when {@code SLACK_APP_TOKEN} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);
  static final String INSTALL_PATH = "/slack/install";
  static final String REDIRECT_PATH = "/slack/oauth_redirect";

  @Bean
  SlackSettings slackSettings(Environment env) {
    return SlackSettings.from(env);
  }

  /**
   * The Web API client: {@code SLACK_API_URL}, with connect and read timeouts. A 429 is never
   * waited out here (that would hold a worker, or a database connection): the inbox and the outbox
   * try again after its Retry-After.
   */
  @Bean
  Slack slack(SlackSettings settings, HttpTimeouts timeouts) {
    SlackConfig config = new SlackConfig();
    String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
    config.setMethodsEndpointUrlPrefix(url);
    config.setStatsEnabled(false);
    OkHttpClient http =
        SlackHttpClient.buildOkHttpClient(config, Map.of())
            .newBuilder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.read())
            .build();
    SlackHttpClient client = new SlackHttpClient(http);
    client.setConfig(config);
    return Slack.getInstance(config, client);
  }

  /**
   * Telling a guest of another organisation why Tandem ignores them: nothing to store or retry, one
   * thread and a bounded queue (past it, the guest is not told).
   */
  @Bean(destroyMethod = "shutdown")
  ExecutorService guestReplies() {
    return new java.util.concurrent.ThreadPoolExecutor(
        1,
        1,
        0,
        java.util.concurrent.TimeUnit.MILLISECONDS,
        new java.util.concurrent.ArrayBlockingQueue<>(100),
        r -> {
          Thread t = new Thread(r, "slack-guest-replies");
          t.setDaemon(true);
          return t;
        },
        new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
  }

  @Bean
  SlackTokens slackTokens(
      SlackSettings settings, SlackInstallationRepository installations, TokenCipher cipher) {
    return new SlackTokens(settings, installations, cipher);
  }

  @Bean
  SlackIntake slackIntake(Inbox inbox, InboxWorker worker) {
    return new SlackIntake(inbox, worker);
  }

  @Bean
  SlackAnswering slackAnswering(
      Inbox inbox,
      SlackPeople people,
      SlackConversation conversation,
      SlackTokens tokens,
      Slack slack,
      TransactionTemplate tx,
      DirectoryUploads uploads,
      SlackSettings settings,
      org.tandem.core.setup.Setup setup) {
    return new SlackAnswering(
        inbox,
        people,
        conversation,
        tokens,
        slack,
        tx,
        uploads,
        new SlackFileDownload(slack, settings.apiUrl()),
        setup);
  }

  @Bean
  SlackPeople slackPeople(
      Tenants tenants,
      People people,
      Slack slack,
      SlackSettings settings,
      SlackUnreachable unreachable) {
    // TANDEM_ADMINS names people of the one workspace of SLACK_BOT_TOKEN, none in OAuth mode.
    return new SlackPeople(
        tenants,
        people,
        slack,
        settings.oauth() ? java.util.List.of() : settings.admins(),
        unreachable);
  }

  /** Signature and timestamp as Slack rules them, and well-formed bodies, before Bolt. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<SlackRequestCheck> slackRequestCheck(
      SlackSettings settings) {
    var registration =
        new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
            new SlackRequestCheck(settings.signingSecret(), java.time.Clock.systemUTC()));
    registration.addUrlPatterns("/slack/events");
    return registration;
  }

  @Bean
  SlackInstallationRows slackInstallationRows(JdbcClient jdbc) {
    return new SlackInstallationRows(jdbc);
  }

  @Bean
  SlackReconsentSource slackReconsentSource(JdbcClient jdbc) {
    return new SlackReconsentSource(jdbc);
  }

  @Bean
  SlackConversation slackConversation(ConversationEngine engine, Slack slack) {
    return new SlackConversation(engine, slack);
  }

  @Bean
  SlackUnreachable slackUnreachable(JdbcClient jdbc) {
    return new SlackUnreachable(jdbc);
  }

  /**
   * Proactive messages, paced as Slack counts chat.postMessage: per workspace (300 a minute, the
   * figure Slack's documentation gives) and per conversation (about 1 a second).
   */
  @Bean
  SlackNotifier slackNotifier(
      JdbcClient jdbc,
      SlackSettings settings,
      SlackInstallationRepository installations,
      TokenCipher cipher,
      SlackConversation conversation,
      SlackUnreachable unreachable,
      @org.springframework.beans.factory.annotation.Value(
              "${tandem.delivery.slack.workspace:300/PT1M}")
          String workspacePace,
      @org.springframework.beans.factory.annotation.Value(
              "${tandem.delivery.slack.conversation:1/PT1S}")
          String conversationPace) {
    return new SlackNotifier(
        jdbc,
        settings,
        installations,
        cipher,
        conversation,
        unreachable,
        org.tandem.bot.conversation.Notifier.Pace.parse(workspacePace),
        org.tandem.bot.conversation.Notifier.Pace.parse(conversationPace));
  }

  @Bean(destroyMethod = "stop")
  App slackApp(
      SlackSettings settings,
      Slack slack,
      SlackPeople people,
      SlackConversation conversation,
      SlackIntake intake,
      Inbox inbox,
      InboxWorker worker,
      ExecutorService guestReplies,
      Geocoder geocoder,
      SlackInstallationRepository installations,
      TokenCipher cipher,
      Tenants tenants,
      TransactionTemplate tx,
      JdbcClient jdbc,
      org.tandem.core.people.People directory,
      org.tandem.core.notifications.Notifications notifications,
      org.tandem.bot.scheduling.OutboxDispatcher outbox) {
    AppConfig.AppConfigBuilder config =
        AppConfig.builder()
            .slack(slack)
            .signingSecret(settings.signingSecret().isBlank() ? null : settings.signingSecret())
            .allEventsApiAutoAckEnabled(true)
            .subtypedMessageEventsAutoAckEnabled(true);
    if (settings.oauth()) {
      config
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret())
          .scope(settings.scopes())
          .oauthInstallPath(INSTALL_PATH)
          .oauthRedirectUriPath(REDIRECT_PATH);
    } else {
      config.singleTeamBotToken(settings.botToken());
    }
    App app = new App(config.build());
    if (settings.oauth()) {
      app.asOAuthApp(true);
      app.service(
          new DatabaseInstallationService(
              installations, cipher, tenants, people, tx, directory, notifications, outbox));
      app.service(new DatabaseOAuthStateService(jdbc));
      // app_uninstalled and tokens_revoked delete the workspace's token at once.
      app.enableTokenRevocationHandlers();
    }
    app.use(new OtherOrganisations(guestReplies));
    new SlackListeners(people, conversation, intake, geocoder, inbox, worker, tx).register(app);
    log.info(
        "Slack is on ({} mode{})",
        settings.oauth() ? "multi-workspace OAuth" : "single-workspace",
        settings.socketMode() ? ", Socket Mode" : "");
    return app;
  }

  @Bean
  ServletRegistrationBean<SlackAppServlet> slackEvents(App slackApp) {
    return new ServletRegistrationBean<>(new SlackAppServlet(slackApp), "/slack/events");
  }

  @Bean
  ServletRegistrationBean<SlackOAuthAppServlet> slackOAuth(App slackApp) {
    return new ServletRegistrationBean<>(
        new SlackOAuthAppServlet(slackApp), INSTALL_PATH, REDIRECT_PATH);
  }

  /** Socket Mode: Tandem connects out to Slack, no public URL needed. */
  @Bean
  SlackSocketMode slackSocketMode(SlackSettings settings, App slackApp) {
    return new SlackSocketMode(settings, slackApp);
  }

  /**
   * Every listener, registered in one place: one handler class per command, action kind or event.
   */
  record SlackListeners(
      SlackPeople people,
      SlackConversation conversation,
      SlackIntake intake,
      Geocoder geocoder,
      Inbox inbox,
      InboxWorker worker,
      TransactionTemplate tx) {

    void register(App app) {
      app.command("/tandem", new TandemCommandHandler(intake));
      app.blockAction(Pattern.compile("^[a-z.]+(#\\d+)?$"), new EngineActionHandler(intake));
      app.blockSuggestion("place", new PlaceSuggestionHandler(geocoder));
      // Any other external select is a searched field whose choices the engine gives.
      app.blockSuggestion(
          Pattern.compile("^(?!place$)[a-zA-Z]+$"),
          new EngineSuggestionHandler(people, conversation.engine()));
      app.viewSubmission(
          Pattern.compile("^[a-z.]+$"),
          new FormSubmissionHandler(people, conversation, inbox, worker, tx));
      app.event(AppHomeOpenedEvent.class, new AppHomeHandler(intake));
      app.event(MessageEvent.class, new DirectMessageHandler(intake));
      app.event(
          com.slack.api.model.event.MessageFileShareEvent.class, new FileShareHandler(intake));
      app.event(AppMentionEvent.class, new MentionHandler(intake));
    }
  }
}
