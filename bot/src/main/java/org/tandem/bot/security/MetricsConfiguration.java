package org.tandem.bot.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the actuator on the application's port: see {@link MetricsAccess}. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  FilterRegistrationBean<MetricsAccess> metricsAccess(
      @Value("${TANDEM_METRICS_TOKEN:}") String token) {
    FilterRegistrationBean<MetricsAccess> registration =
        new FilterRegistrationBean<>(new MetricsAccess(token));
    registration.addUrlPatterns("/actuator", "/actuator/*");
    return registration;
  }
}
