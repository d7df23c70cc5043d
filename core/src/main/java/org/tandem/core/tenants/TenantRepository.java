package org.tandem.core.tenants;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TenantRepository extends JpaRepository<Tenant, Long> {

  /** The tenant a platform's id belongs to: through its alias first, else its own row. */
  @Query(
      value =
          """
          select t.* from tenant t where t.id = coalesce(
            (select a.tenant_id from tenant_alias a
              where a.platform = :platform and a.external_id = :externalId),
            (select o.id from tenant o where o.platform = :platform and o.external_id = :externalId))""",
      nativeQuery = true)
  Optional<Tenant> resolve(
      @Param("platform") String platform, @Param("externalId") String externalId);
}
