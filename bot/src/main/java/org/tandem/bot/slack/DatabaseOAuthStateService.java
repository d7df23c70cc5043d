package org.tandem.bot.slack;

import com.slack.api.bolt.service.OAuthStateService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** OAuth states in PostgreSQL: any instance behind the load balancer can finish an install. */
class DatabaseOAuthStateService implements OAuthStateService {

  private final JdbcClient jdbc;

  DatabaseOAuthStateService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void addNewStateToDatastore(String state) {
    jdbc.sql("delete from slack_oauth_state where created_at < now() - make_interval(secs => ?)")
        .param(getExpirationInSeconds())
        .update();
    jdbc.sql("insert into slack_oauth_state (state) values (?) on conflict do nothing")
        .param(state)
        .update();
  }

  @Override
  public boolean isAvailableInDatabase(String state) {
    return state != null
        && jdbc.sql(
                    "select count(*) from slack_oauth_state where state = ? and created_at > now() - make_interval(secs => ?)")
                .params(state, getExpirationInSeconds())
                .query(Integer.class)
                .single()
            > 0;
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    jdbc.sql("delete from slack_oauth_state where state = ?").param(state).update();
  }
}
