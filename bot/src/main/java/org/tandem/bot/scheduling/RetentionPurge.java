package org.tandem.bot.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.tandem.core.tenants.Tenants;

/**
 * Every night, the data of tenants uninstalled for longer than their retention period is deleted.
 * The purge locks the rows it deletes (skip locked), so running on every instance of a cluster is
 * harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  private final Tenants tenants;

  RetentionPurge(Tenants tenants) {
    this.tenants = tenants;
  }

  @Scheduled(cron = "${tandem.retention.cron:0 30 3 * * *}")
  void purge() {
    int purged = tenants.purgeExpired();
    if (purged > 0) {
      log.info("Purged {} tenant(s) past their retention period after uninstall", purged);
    }
  }
}
