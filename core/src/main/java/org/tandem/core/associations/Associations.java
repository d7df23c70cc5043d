package org.tandem.core.associations;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.common.Outcome;
import org.tandem.core.common.ReasonCode;
import org.tandem.core.common.Refusal;
import org.tandem.core.people.AdminAudit;
import org.tandem.core.people.Authority;
import org.tandem.core.tenants.TenantId;

/** Registering associations and finding them, always within one tenant. */
@Service
public class Associations {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final AssociationRepository repository;
  private final Authority authority;
  private final AdminAudit audit;

  Associations(AssociationRepository repository, Authority authority, AdminAudit audit) {
    this.repository = repository;
    this.authority = authority;
    this.audit = audit;
  }

  /** A CSR manager registers an association. */
  @Transactional
  public Outcome<Association> register(TenantId tenant, long actorId, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, actorId, Authority.Action.MANAGE_ASSOCIATIONS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<Outcome<Association>> invalid = validate(draft);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    return Outcome.done(repository.save(new Association(tenant, draft)));
  }

  /** An admin imports an association (a company's history, a partner's list); recorded. */
  @Transactional
  public Outcome<Association> imported(TenantId tenant, long importerId, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, importerId, Authority.Action.IMPORT);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
    Optional<Outcome<Association>> invalid = validate(draft);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Association saved = repository.save(new Association(tenant, draft));
    audit.record(
        tenant,
        importerId,
        AdminAudit.Kind.IMPORTED,
        java.util.Map.of("association", draft.name()));
    return Outcome.done(saved);
  }

  /** A CSR manager edits an association. */
  @Transactional
  public Outcome<Association> edit(TenantId tenant, long actorId, long id, AssociationDraft draft) {
    Optional<Refusal> no = authority.refusal(tenant, actorId, Authority.Action.MANAGE_ASSOCIATIONS);
    if (no.isPresent()) {
      return Outcome.refused(no.get());
    }
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
