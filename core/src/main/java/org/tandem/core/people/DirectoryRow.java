package org.tandem.core.people;

/**
 * One row of a directory file, as read: its line number in the file (the header is line 1) and its
 * values untouched. A value is null when the file has no such column (the person's value is kept)
 * and empty when the cell is (the person's value is cleared).
 */
public record DirectoryRow(
    int line,
    String email,
    String name,
    String site,
    String department,
    String country,
    String managerEmail) {}
