package org.tandem.bot.teams;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.tandem.bot.channels.HttpTimeouts;
import org.tandem.bot.channels.Inbox;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.directory.DirectoryUploads;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Tenants;

/** Wires Teams when {@code TEAMS_APP_ID} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsEnabled.class)
class TeamsConfiguration {

  @Bean
  TeamsSettings teamsSettings(Environment env) {
    return TeamsSettings.from(env);
  }

  @Bean
  BotFrameworkAuthenticator botFrameworkAuthenticator(TeamsSettings settings) {
    // Keys are fetched while an activity waits: short timeouts, so a slow metadata endpoint costs
    // a few seconds once a minute at most.
    var requests =
        new org.springframework.http.client.JdkClientHttpRequestFactory(
            java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(3))
                .build());
    requests.setReadTimeout(java.time.Duration.ofSeconds(5));
    return new BotFrameworkAuthenticator(
        settings, RestClient.builder().requestFactory(requests).build(), Clock.systemUTC());
  }

  /** Every call to the Bot Framework has connect and read timeouts: a hanging one ends. */
  static RestClient http(HttpTimeouts timeouts) {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(timeouts.connect());
    factory.setReadTimeout(timeouts.read());
    return RestClient.builder().requestFactory(factory).build();
  }

  @Bean
  BotConnector botConnector(TeamsSettings settings, HttpTimeouts timeouts) {
    return new BotConnector(settings, http(timeouts), Clock.systemUTC());
  }

  @Bean
  TeamsAnswering teamsAnswering(
      Inbox inbox,
      TeamsPeople people,
      ConversationEngine engine,
      ConversationReferences references,
      TeamsFiles files,
      BotConnector connector,
      TransactionTemplate tx,
      DirectoryUploads uploads,
      HttpTimeouts timeouts) {
    return new TeamsAnswering(
        inbox,
        people,
        engine,
        references,
        files,
        connector,
        tx,
        uploads,
        new TeamsFileDownload(http(timeouts)));
  }

  @Bean
  TeamsPeople teamsPeople(Tenants tenants, People people, BotConnector connector) {
    return new TeamsPeople(tenants, people, connector);
  }

  @Bean
  ConversationReferences conversationReferences(
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    return new ConversationReferences(jdbc);
  }

  @Bean
  TeamsFiles teamsFiles(Environment env) {
    return new TeamsFiles(env.getProperty("TANDEM_PUBLIC_URL", ""));
  }

  @Bean
  TeamsAppInstaller teamsAppInstaller(
      TeamsSettings settings,
      Environment env,
      HttpTimeouts timeouts,
      BotConnector connector,
      ConversationReferences references,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    return new TeamsAppInstaller(
        settings,
        TeamsAppInstaller.GraphSettings.from(env),
        http(timeouts),
        connector,
        references,
        jdbc,
        Clock.systemUTC());
  }

  /**
   * Proactive messages, paced as the Bot Connector counts them: about 50 a second per app and
   * tenant, 7 a second and 60 in 30 seconds per bot and conversation.
   */
  @Bean
  TeamsNotifier teamsNotifier(
      ConversationReferences references,
      BotConnector connector,
      TeamsFiles files,
      TeamsAppInstaller installer,
      @org.springframework.beans.factory.annotation.Value("${tandem.delivery.teams.tenant:50/PT1S}")
          String tenantPace,
      @org.springframework.beans.factory.annotation.Value(
              "${tandem.delivery.teams.conversation:7/PT1S,60/PT30S}")
          String conversationPace) {
    return new TeamsNotifier(
        references,
        connector,
        files,
        installer,
        org.tandem.bot.conversation.Notifier.Pace.parse(tenantPace),
        org.tandem.bot.conversation.Notifier.Pace.parse(conversationPace));
  }
}
