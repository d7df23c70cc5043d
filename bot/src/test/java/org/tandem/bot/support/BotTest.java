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
 * SPRING_DATASOURCE_URL}), with the demo tenant loaded as in local mode, served on a random port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = TandemApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tandem.embedded-postgres.data-dir=", "spring.main.banner-mode=off"})
@Import(Fixtures.class)
public @interface BotTest {}
