package org.tandem.core.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tandem.core.CoreTestApplication;

/**
 * A test of the core against a real PostgreSQL: the embedded one, or the server named by {@code
 * SPRING_DATASOURCE_URL}. Tests create their own tenant, so they never see each other's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CoreTestApplication.class)
@Import(Fixtures.class)
public @interface DatabaseTest {}
