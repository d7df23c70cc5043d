package org.tandem.core.associations;

import java.util.List;
import org.tandem.core.causes.Cause;
import org.tandem.core.places.Place;

/** What a CSR manager enters to create or edit an association. */
public record AssociationDraft(
    String name,
    String description,
    List<Cause> causes,
    String address,
    Place place,
    String registrationId,
    String coordinatorName,
    String coordinatorEmail) {

  public AssociationDraft {
    causes = causes == null ? List.of() : List.copyOf(causes);
  }
}
