package org.tandem.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core's features wired as in the app, on embedded PostgreSQL, for the core's tests. */
@SpringBootApplication
public class CoreTestApplication {}
