package org.tandem.bot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tandem.bot.TandemApplication;
import org.tandem.core.support.Fixtures;

/**
 * A test of the whole application on a real PostgreSQL (a throw-away embedded one, or {@code
 * SPRING_DATASOURCE_URL}), with the demo tenant loaded as in local mode, served on a random port,
 * with a {@link MovableClock} for what is due when and no quiet hours unless a person sets theirs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = TandemApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tandem.embedded-postgres.data-dir=",
      "spring.main.banner-mode=off",
      // Messages go out whatever the hour the suite runs at; a test of quiet hours sets the
      // person's own (the 19:00-08:00 default is tested in core's NotificationSettingsTest).
      "tandem.notifications.quiet-hours=none",
      "tandem.notifications.quiet-weekends=false"
    })
@Import({Fixtures.class, MovableClock.Config.class})
public @interface BotTest {}
