package org.tandem.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Tandem. With no {@code SPRING_DATASOURCE_URL}, on embedded PostgreSQL in local mode. */
@SpringBootApplication(scanBasePackages = {"org.tandem.core", "org.tandem.bot"})
@org.springframework.boot.persistence.autoconfigure.EntityScan({
  "org.tandem.core",
  "org.tandem.bot"
})
@org.springframework.data.jpa.repository.config.EnableJpaRepositories({
  "org.tandem.core",
  "org.tandem.bot"
})
public class TandemApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemApplication.class, args);
  }
}
