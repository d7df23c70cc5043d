package org.tandem.bench;

import java.util.Arrays;

/** Latency percentiles of a run, in milliseconds. */
record Percentiles(double p50, double p95, double p99, double max, int count) {

  static Percentiles of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  private static double at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)",
        p50, p95, p99, max, count);
  }
}
