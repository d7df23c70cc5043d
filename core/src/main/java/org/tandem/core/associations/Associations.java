package org.tandem.core.associations;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.tenants.TenantId;

/** Registering associations and finding them, always within one tenant. */
@Service
public class Associations {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final AssociationRepository repository;

  Associations(AssociationRepository repository) {
    this.repository = repository;
  }

  @Transactional
  public Outcome<Association> register(TenantId tenant, AssociationDraft draft) {
    Optional<Outcome<Association>> invalid = validate(draft);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    return Outcome.done(repository.save(new Association(tenant, draft)));
  }

  @Transactional
  public Outcome<Association> edit(TenantId tenant, long id, AssociationDraft draft) {
    Optional<Outcome<Association>> invalid = validate(draft);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    return repository
        .findByIdAndTenantId(id, tenant.value())
        .map(
            a -> {
              a.apply(draft);
              return Outcome.done(a);
            })
        .orElseGet(() -> Outcome.refused(ReasonCode.NOT_FOUND));
  }

  @Transactional(readOnly = true)
  public Optional<Association> find(TenantId tenant, long id) {
    return repository.findByIdAndTenantId(id, tenant.value());
  }

  @Transactional(readOnly = true)
  public List<Association> all(TenantId tenant) {
    return repository.findByTenantIdOrderByName(tenant.value());
  }

  private static Optional<Outcome<Association>> validate(AssociationDraft d) {
    if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
      return Optional.of(Outcome.refused(ReasonCode.INVALID_INPUT, "name"));
    }
    if (d.coordinatorEmail() != null
        && !d.coordinatorEmail().isBlank()
        && !EMAIL.matcher(d.coordinatorEmail()).matches()) {
      return Optional.of(Outcome.refused(ReasonCode.INVALID_INPUT, "coordinatorEmail"));
    }
    return Optional.empty();
  }
}
