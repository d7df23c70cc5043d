package org.tandem.core.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmployeeRepository extends JpaRepository<Employee, Long> {
  Optional<Employee> findByIdAndTenantId(long id, long tenantId);

  List<Employee> findByTenantIdOrderByDisplayName(long tenantId);
}
