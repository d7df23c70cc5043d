package org.tandem.core.associations;

import java.util.List;
import org.tandem.core.causes.Cause;
import org.tandem.core.places.Place;

/**
 * What a CSR manager enters to create or edit an association. The legal identifier is read by
 * {@link LegalId#read} ({@code legalIdKind} null: recognised from its shape); the website is a web
 * address, "https://" assumed when typed without.
 */
public record AssociationDraft(
    String name,
    String description,
    List<Cause> causes,
    String address,
    Place place,
    LegalId.Kind legalIdKind,
    String registrationId,
    String website,
    String coordinatorName,
    String coordinatorEmail) {

  public AssociationDraft {
    causes = causes == null ? List.of() : List.copyOf(causes);
  }

  /** An association without register kind nor website (imports, fixtures). */
  public AssociationDraft(
      String name,
      String description,
      List<Cause> causes,
      String address,
      Place place,
      String registrationId,
      String coordinatorName,
      String coordinatorEmail) {
    this(
        name,
        description,
        causes,
        address,
        place,
        null,
        registrationId,
        null,
        coordinatorName,
        coordinatorEmail);
  }

  /** The legal identifier once read and valid; null when none was typed. */
  LegalId legalId() {
    if (registrationId == null || registrationId.isBlank()) {
      return null;
    }
    return LegalId.read(legalIdKind, registrationId).id();
  }
}
