package org.tandem.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.tandem.core.tenants.TenantId;

/**
 * One large company for the report benchmark, generated in SQL on one connection: 100,000 employees
 * on 20 sites in Luxembourg, France, Germany and Belgium and 15 departments, 500 associations,
 * 5,000 missions of 1 to 24 months between 2022-01 and 2026-12 (causes, SDGs and skills of the
 * taxonomy), the volunteers' commitments, and their hour entries.
 *
 * <p>A share of the employees volunteers ({@code participation} percent); each volunteer commits to
 * a few missions. Of the commitments, 10 % are cancelled, 3 % waitlisted, 2 % awaiting approval, 3
 * % of the rest are no-shows (confirmed, mission over, no hours); the others log hours over the
 * mission's months. The hour entries are spread over those commitments in proportion to their
 * length and to a per-person intensity, adding up to exactly {@code hourEntries}: 90 % approved, 6
 * % pending (half of those of the last six weeks), 4 % rejected, 70 % on work time. 3 % of the
 * other employees cancelled one commitment.
 *
 * <p>Commitments and hours go in with the report triggers off, then {@code hour_month_rebuild}
 * builds the rollups in one pass, as a bulk import would.
 */
final class ReportData {

  static final int EMPLOYEES = 100_000;
  static final int ASSOCIATIONS = 500;
  static final int MISSIONS = 5_000;

  private final DataSource dataSource;

  ReportData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  TenantId generate(String externalId, int participation, long hourEntries) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("set work_mem = '512MB'");
      s.execute("set maintenance_work_mem = '1GB'");
      s.execute("set synchronous_commit = off");
      s.execute("select setseed(0.2026)");
      long t0 = System.nanoTime();
      long tenant;
      try (var rs =
          s.executeQuery(
              """
              insert into tenant (platform, external_id, name, country, yearly_allowance_hours,
                                  hourly_rate, annual_turnover)
              values ('SLACK', '%s', 'Bench reports %s', 'LU', 40, 45, 2500000000)
              returning id"""
                  .formatted(externalId, externalId))) {
        rs.next();
        tenant = rs.getLong(1);
      }
      s.execute(
          """
          insert into tenant_country_policy (tenant_id, country, yearly_allowance_hours)
          values (%1$d, 'FR', 35), (%1$d, 'DE', 24), (%1$d, 'BE', 32)"""
              .formatted(tenant));

      // Sites and departments of very different sizes (the first ones largest).
      s.execute(
          """
          create temp table bench_site (n int primary key, name text, country char(2));
          insert into bench_site values
            (0, 'Luxembourg Kirchberg', 'LU'), (1, 'Luxembourg Gare', 'LU'), (2, 'Belval', 'LU'),
            (3, 'Metz', 'FR'), (4, 'Bruxelles', 'BE'), (5, 'Esch-sur-Alzette', 'LU'),
            (6, 'Frankfurt', 'DE'), (7, 'Paris', 'FR'), (8, 'Bettembourg', 'LU'),
            (9, 'Thionville', 'FR'), (10, 'Arlon', 'BE'), (11, 'Munsbach', 'LU'),
            (12, 'Trier', 'DE'), (13, 'Liège', 'BE'), (14, 'Nancy', 'FR'),
            (15, 'Leudelange', 'LU'), (16, 'Saarbrücken', 'DE'), (17, 'Namur', 'BE'),
            (18, 'Differdange', 'LU'), (19, 'Antwerpen', 'BE');
          create temp table bench_department (n int primary key, name text);
          insert into bench_department values
            (0, 'Operations'), (1, 'IT'), (2, 'Customer service'), (3, 'Finance'), (4, 'Sales'),
            (5, 'Risk'), (6, 'Compliance'), (7, 'HR'), (8, 'Marketing'), (9, 'Legal'),
            (10, 'Audit'), (11, 'Procurement'), (12, 'Communication'), (13, 'Facilities'),
            (14, 'Strategy');""");
      s.execute(
          """
          with skills as (select array_agg(code order by code) as codes from skill)
          insert into employee (tenant_id, display_name, email, locale, site, department, country,
                                skills, languages, onboarded, is_csr_manager, is_admin)
          select %d, 'Employee ' || x.g, 'employee' || x.g || '@bench.example',
                 (array['fr', 'en', 'de'])[1 + x.g %% 3], si.name,
                 case when x.g %% 97 = 0 then null else d.name end, si.country,
                 array[sk.codes[1 + x.g %% cardinality(sk.codes)],
                       sk.codes[1 + (x.g * 7) %% cardinality(sk.codes)]],
                 array['fr', 'en'], true, x.g <= 3, x.g = 1
          from (select g, floor(20 * power(random(), 1.8))::int as site,
                       floor(15 * power(random(), 1.5))::int as department
                from generate_series(1, %d) g offset 0) x
          join bench_site si on si.n = x.site
          join bench_department d on d.n = x.department
          cross join skills sk
          order by x.g"""
              .formatted(tenant, EMPLOYEES));
      s.execute(
          """
          create temp table bench_cause (n int primary key, code text, sdgs smallint[]);
          insert into bench_cause values
            (0, 'EDUCATION', '{4}'), (1, 'CHILDREN_YOUTH', '{4,3}'), (2, 'ENVIRONMENT', '{13,15,12}'),
            (3, 'HEALTH', '{3}'), (4, 'SOCIAL_INCLUSION', '{10,1}'), (5, 'FOOD_AID', '{2,1}'),
            (6, 'HOUSING', '{11,1}'), (7, 'EMPLOYMENT', '{8}'), (8, 'DIGITAL_INCLUSION', '{4,10}'),
            (9, 'ELDERLY', '{3,10}'), (10, 'DISABILITY', '{10}'), (11, 'REFUGEES', '{10,16}'),
            (12, 'CULTURE', '{11}'), (13, 'ANIMALS', '{15}'), (14, 'GENDER_EQUALITY', '{5}'),
            (15, 'HUMANITARIAN', '{1,17}');""");
      s.execute(
          """
          insert into association (tenant_id, name, causes, place_name, place_country)
          select %d, 'Association ' || g, array[c.code], 'Luxembourg', 'LU'
          from generate_series(1, %d) g
          join bench_cause c on c.n = (g * 7) %% 16
          order by g"""
              .formatted(tenant, ASSOCIATIONS));
      // Missions: an association's first cause, sometimes a second one; the causes' SDGs; 1 to 3
      // skills; 1 to 24 months between 2022-01-01 and 2026-12-31; a few without a cause.
      s.execute(
          """
          create temp table bench_mission as
          with a as (select array_agg(id order by id) as ids from association where tenant_id = %1$d),
               skills as (select array_agg(code order by code) as codes from skill)
          select g, a.ids[1 + floor(%2$d * power(random(), 1.4))::int] as association_id,
                 array(select sk.codes[1 + floor(random() * cardinality(sk.codes))::int]
                         from generate_series(1, 1 + g %% 3)) as skills,
                 date '2022-01-01' + floor(random() * 1800)::int as first_date,
                 1 + floor(random() * 24)::int as months
          from generate_series(1, %3$d) g cross join a cross join skills sk"""
              .formatted(tenant, ASSOCIATIONS, MISSIONS));
      s.execute(
          """
          insert into mission (tenant_id, association_id, title, skills, causes, sdgs, languages,
                               mode, place_name, place_country, lat, lon, schedule,
                               hours_per_session, capacity, status, first_date, last_date)
          select %d, bm.association_id, 'Mission ' || bm.g, bm.skills,
                 case when bm.g %% 50 = 0 then '{}'::text[]
                      when bm.g %% 3 = 0 then array[ac.causes[1], c2.code]
                      else ac.causes end,
                 case when bm.g %% 50 = 0 then '{}'::smallint[] else c1.sdgs end,
                 array['fr'],
                 case when bm.g %% 3 = 0 then 'REMOTE' else 'ONSITE' end,
                 case when bm.g %% 3 = 0 then null else 'Luxembourg' end,
                 case when bm.g %% 3 = 0 then null else 'LU' end,
                 case when bm.g %% 3 = 0 then null else 49.5 + random() * 0.3 end,
                 case when bm.g %% 3 = 0 then null else 5.9 + random() * 0.4 end,
                 'SERIES', 2, 1000,
                 case when l.last_date < current_date then 'CLOSED' else 'OPEN' end,
                 bm.first_date, l.last_date
          from bench_mission bm
          join association ac on ac.tenant_id = %1$d and ac.id = bm.association_id
          join bench_cause c1 on c1.code = ac.causes[1]
          join bench_cause c2 on c2.n = (bm.g * 5) %% 16
          cross join lateral (
            select least(date '2026-12-31',
                         (bm.first_date + make_interval(months => bm.months))::date - 1) as last_date
          ) l
          order by bm.g"""
              .formatted(tenant));

      // Who volunteers, how many commitments each, how intensely they log.
      s.execute(
          """
          create temp table bench_volunteer as
          select row_number() over (order by id) as rn, id,
                 random() * 1.4 + 0.3 as intensity,
                 %s as commitments
          from employee where tenant_id = %d and random() < %f"""
              .formatted(
                  participation >= 100
                      ? "1 + floor(random() * 5)::int"
                      : "2 + floor(random() * 9)::int",
                  tenant,
                  participation / 100.0));
      s.execute(
          """
          create temp table bench_commitment as
          with m as (select array_agg(id order by id) as ids from mission where tenant_id = %1$d)
          select nextval(pg_get_serial_sequence('commitment', 'id')) as id, v.id as employee_id,
                 ms.id as mission_id, ms.first_date, ms.last_date, v.intensity, x.r,
                 case when x.r < 0.10 then 'CANCELLED'
                      when x.r < 0.13 then 'WAITLISTED'
                      when x.r < 0.15 then 'PENDING_APPROVAL'
                      when ms.last_date < current_date and x.r < 0.97 then 'COMPLETED'
                      else 'CONFIRMED' end as status,
                 x.r >= 0.15 and (x.r < 0.97 or ms.last_date >= current_date) as logs_hours,
                 (ms.first_date - floor(random() * 30)::int)::timestamp
                   + make_interval(mins => floor(random() * 1440)::int) as created_local
          from bench_volunteer v
          cross join m
          cross join lateral generate_series(1, v.commitments) k
          cross join lateral (select random() + 0 * k as r) x
          join mission ms on ms.tenant_id = %1$d
                         and ms.id = m.ids[1 + (v.rn * 7919 + k * 977) %% cardinality(m.ids)]
          order by v.id, k"""
              .formatted(tenant));
      s.execute(
          """
          insert into bench_commitment (id, employee_id, mission_id, first_date, last_date,
                                        intensity, r, status, logs_hours, created_local)
          select nextval(pg_get_serial_sequence('commitment', 'id')), e.id, ms.id, ms.first_date,
                 ms.last_date, 0, 0, 'CANCELLED', false,
                 (ms.first_date - 10)::timestamp + interval '9 hours'
          from employee e
          join mission ms on ms.tenant_id = e.tenant_id
                         and ms.id = (select min(id) from mission where tenant_id = %1$d)
                                      + e.id %% %2$d
          where e.tenant_id = %1$d and e.id %% 33 = 0
            and not exists (select 1 from bench_volunteer v where v.id = e.id)"""
              .formatted(tenant, MISSIONS));
      // Bulk loads switch the report triggers off and rebuild the rollups once at the end.
      s.execute("alter table commitment disable trigger report_commitment_sync");
      s.execute("alter table hour_entry disable trigger hour_month_sync");
      long t1;
      try {
        s.execute(
            """
          insert into commitment
            (id, tenant_id, mission_id, employee_id, status, created_at, decided_at, cancelled_at)
          overriding system value
          select id, %d, mission_id, employee_id, status,
                 created_local at time zone 'Europe/Luxembourg',
                 created_local at time zone 'Europe/Luxembourg' + interval '1 day',
                 case when status = 'CANCELLED'
                      then created_local at time zone 'Europe/Luxembourg' + interval '5 days' end
          from bench_commitment order by id"""
                .formatted(tenant));
        t1 = System.nanoTime();
        System.out.printf(
            "  employees, associations, missions and commitments in %.1f s%n", (t1 - t0) / 1e9);

        // Exactly hourEntries entries, shared in proportion to length x intensity.
        s.execute(
            """
          create temp table bench_hours as
          with w as (
            select id, employee_id, first_date, last_date - first_date + 1 as days,
                   (last_date - first_date + 1) * intensity as weight
            from bench_commitment where logs_hours
          ), c as (
            select *, sum(weight) over (order by id) as upto, sum(weight) over () as total from w
          )
          select id, employee_id, first_date, days,
                 (floor(upto / total * %1$d) - floor((upto - weight) / total * %1$d))::int as n
          from c"""
                .formatted(hourEntries));
        s.execute(
            """
            insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes,
                                    on_work_time, status, created_at)
            select %d, h.id, h.employee_id, x.d, 15 * (4 + floor(random() * 13)::int),
                   random() < 0.7,
                   case when x.r < 0.04 then 'REJECTED'
                        when x.d > current_date - 42 and x.r < 0.50 then 'PENDING'
                        when x.r < 0.10 then 'PENDING'
                        else 'APPROVED' end,
                   (x.d + 2)::timestamp at time zone 'Europe/Luxembourg'
            from bench_hours h
            cross join lateral (
              select h.first_date + floor(random() * h.days)::int as d, random() as r
              from generate_series(1, h.n)
            ) x
            order by h.id"""
                .formatted(tenant));
      } finally {
        s.execute("alter table hour_entry enable trigger hour_month_sync");
        s.execute("alter table commitment enable trigger report_commitment_sync");
      }
      long t2 = System.nanoTime();
      System.out.printf("  hour entries in %.1f s%n", (t2 - t1) / 1e9);
      s.execute("select hour_month_rebuild(%d)".formatted(tenant));
      long t3 = System.nanoTime();
      System.out.printf("  rollups built (hour_month_rebuild) in %.1f s%n", (t3 - t2) / 1e9);
      s.execute("vacuum analyze");
      System.out.printf("  vacuum analyze in %.1f s%n", (System.nanoTime() - t3) / 1e9);
      s.execute("drop table bench_site, bench_department, bench_cause, bench_mission");
      s.execute("drop table bench_volunteer, bench_commitment, bench_hours");
      return new TenantId(tenant);
    }
  }
}
