/** Benchmarks run on demand with {@code bench/run}, never by the test command. */
package org.tandem.bench;
