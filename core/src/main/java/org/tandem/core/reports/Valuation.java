package org.tandem.core.reports;

import java.math.BigDecimal;

/**
 * What the time given is worth: approved hours times the tenant's hourly rate, in its currency; for
 * a French company, the estimated tax reduction for skills-based sponsorship (null otherwise), and
 * the turnover it was computed with (null when no turnover is set).
 */
public record Valuation(
    BigDecimal hourlyRate,
    String currency,
    BigDecimal value,
    BigDecimal taxReductionEstimate,
    BigDecimal turnover) {}
