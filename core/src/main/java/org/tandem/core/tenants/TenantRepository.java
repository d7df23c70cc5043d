package org.tandem.core.tenants;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, Long> {
  Optional<Tenant> findByPlatformAndExternalId(Platform platform, String externalId);
}
