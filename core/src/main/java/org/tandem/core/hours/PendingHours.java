package org.tandem.core.hours;

import java.time.LocalDate;

/** Hours awaiting a decision, with what an approver needs to see. */
public record PendingHours(
    long id,
    long employeeId,
    String employeeName,
    String missionTitle,
    LocalDate date,
    int minutes,
    String note,
    boolean overAllowance) {}
