package org.tandem.core.people;

import java.util.List;

/**
 * Which accounts of the company directory to list: a tree of comparisons joined by "and" and "or",
 * which {@link Provisioning#search} turns into one parameterised SQL query.
 */
public sealed interface DirectoryQuery {

  /** What can be compared. Names and emails compare ignoring case; externalId and id exactly. */
  enum Field {
    USER_NAME,
    EXTERNAL_ID,
    DISPLAY_NAME,
    EMAIL,
    ID,
    ACTIVE
  }

  /** How: equal, starts with, contains, or has a value at all ({@code value} unused). */
  enum Op {
    EQ,
    SW,
    CO,
    PRESENT
  }

  /** Every account. */
  DirectoryQuery ALL = new All(List.of());

  record Compare(Field field, Op op, String value) implements DirectoryQuery {}

  record All(List<DirectoryQuery> of) implements DirectoryQuery {
    public All {
      of = List.copyOf(of);
    }
  }

  record Any(List<DirectoryQuery> of) implements DirectoryQuery {
    public Any {
      of = List.copyOf(of);
    }
  }

  /** One page of a listing: the accounts and how many match in all. */
  record Page(List<DirectoryAccount> accounts, int total) {
    public Page {
      accounts = List.copyOf(accounts);
    }
  }
}
