package org.tandem.bench;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The core wired as in the app (with the bot's report files: chart and CSV), on a fresh embedded
 * PostgreSQL (or SPRING_DATASOURCE_URL).
 */
@SpringBootApplication(scanBasePackages = {"org.tandem.core", "org.tandem.bot.reporting"})
@org.springframework.boot.persistence.autoconfigure.EntityScan("org.tandem.core")
@org.springframework.data.jpa.repository.config.EnableJpaRepositories("org.tandem.core")
public class BenchApplication {

  static ConfigurableApplicationContext start(String... args) {
    // Command-line defaults outrank the bot's application.properties on the classpath: a fresh,
    // throw-away database unless --tandem.embedded-postgres.data-dir says otherwise.
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
    if (all.stream().noneMatch(a -> a.startsWith("--tandem.embedded-postgres.data-dir"))) {
      all.add("--tandem.embedded-postgres.data-dir=");
    }
    args = all.toArray(String[]::new);
    return new SpringApplicationBuilder(BenchApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.jpa.hibernate.ddl-auto=validate",
            "spring.jpa.open-in-view=false",
            "spring.main.banner-mode=off",
            "tandem.embedded-postgres.pool-size=20",
            // As a production server would be tuned: the hot tables fit in PostgreSQL's cache.
            "tandem.embedded-postgres.shared-buffers=1GB",
            "logging.level.root=warn")
        .run(args);
  }
}
