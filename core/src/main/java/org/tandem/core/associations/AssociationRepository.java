package org.tandem.core.associations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssociationRepository extends JpaRepository<Association, Long> {
  Optional<Association> findByIdAndTenantId(long id, long tenantId);

  List<Association> findByTenantIdOrderByName(long tenantId);
}
