package org.tandem.bot.demo;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.database.NoExternalDatabase;

/**
 * Loads the demo tenant (fictional company, associations, missions, people, commitments and hours)
 * once, for the try-it chat only ({@link TryItMode}), and never on an external database holding
 * real data, even when {@code TANDEM_TRY_IT=true} asks for the chat.
 */
@Component
@Conditional({TryItMode.class, NoExternalDatabase.class})
@ConditionalOnProperty(name = "tandem.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoTenantLoader implements ApplicationRunner {

  static final String EXTERNAL_ID = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoTenantLoader.class);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  DemoTenantLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(
        status -> {
          // One loader at a time, even with two instances starting on the same data directory.
          jdbc.sql("select pg_advisory_xact_lock(7263)").query(Object.class).list();
          boolean loaded =
              jdbc.sql("select count(*) from tenant where platform = 'LOCAL' and external_id = ?")
                      .param(EXTERNAL_ID)
                      .query(Integer.class)
                      .single()
                  > 0;
          if (loaded) {
            return;
          }
          ResourceDatabasePopulator populator =
              new ResourceDatabasePopulator(new ClassPathResource("demo/demo-tenant.sql"));
          populator.setSqlScriptEncoding("UTF-8");
          populator.execute(dataSource);
          log.info("Loaded the demo tenant");
        });
  }
}
