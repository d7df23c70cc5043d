package org.tandem.bot.teams;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
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

  @Bean
  BotConnector botConnector(TeamsSettings settings) {
    return new BotConnector(settings, RestClient.create(), Clock.systemUTC());
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
  TeamsNotifier teamsNotifier(
      ConversationReferences references, BotConnector connector, TeamsFiles files) {
    return new TeamsNotifier(references, connector, files);
  }
}
