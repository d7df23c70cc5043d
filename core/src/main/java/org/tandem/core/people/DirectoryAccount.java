package org.tandem.core.people;

import java.time.Instant;

/**
 * A person as the company's identity provider sees them: the account it provisioned over SCIM (our
 * opaque {@code id}, its {@code userName} and {@code externalId}) and what Tandem keeps of it on
 * the person (name, email, language, whether active, the directory's site, department, country and
 * line manager, named by the manager's own account id).
 */
public record DirectoryAccount(
    String id,
    long employeeId,
    String userName,
    String externalId,
    String givenName,
    String familyName,
    String displayName,
    String email,
    String locale,
    boolean active,
    String department,
    String site,
    String country,
    String managerId,
    String managerName,
    Instant created,
    Instant lastModified) {

  /**
   * What the identity provider says of a person; null means "not given". {@code managerId} is the
   * manager's account id.
   */
  public record Draft(
      String userName,
      String externalId,
      String givenName,
      String familyName,
      String displayName,
      String email,
      String locale,
      boolean active,
      String department,
      String site,
      String country,
      String managerId) {}
}
