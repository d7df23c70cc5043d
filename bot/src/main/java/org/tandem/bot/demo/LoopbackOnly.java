package org.tandem.bot.demo;

import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * With {@code TANDEM_TRY_IT=true} the try-it chat (anyone on the page acts as the demo admin) may
 * run beside Slack or Teams settings, so the server answers this machine only: 127.0.0.1, whatever
 * {@code server.address} says (this customizer runs after Spring Boot's own).
 */
@Component
@Conditional(TryItMode.Explicit.class)
class LoopbackOnly implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

  private static final Logger log = LoggerFactory.getLogger(LoopbackOnly.class);

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    factory.setAddress(InetAddress.getLoopbackAddress());
    log.warn("TANDEM_TRY_IT=true: the try-it chat is on and Tandem listens on 127.0.0.1 only");
  }
}
