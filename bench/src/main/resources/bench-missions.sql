-- Parameters: tenant id (twice), number of missions. Positions are gazetteer places with ~2 km of jitter;
-- a sixth of the missions are remote, a sixth hybrid; 90 % are open.
with skills as (select array_agg(code order by code) as codes from skill),
     assoc as (select array_agg(id order by id) as ids from association where tenant_id = ?),
     np as (select count(*) as n from bench_place)
insert into mission (tenant_id, association_id, title, skills, causes, languages, mode,
                     place_name, place_country, lat, lon, schedule, slots, hours_per_session,
                     capacity, status)
select t.tenant, a.ids[1 + (g % cardinality(a.ids))], 'Mission ' || g,
       array(select s.codes[1 + floor(random() * cardinality(s.codes))::int]
               from generate_series(1, 1 + (g % 4))),
       array[(array['SOCIAL_INCLUSION','EDUCATION','HEALTH','ENVIRONMENT','FOOD_AID'])[1 + g % 5]],
       array['fr'],
       case when g % 6 = 0 then 'REMOTE' when g % 6 = 1 then 'HYBRID' else 'ONSITE' end,
       case when g % 6 = 0 then null else p.name end,
       case when g % 6 = 0 then null else p.country end,
       case when g % 6 = 0 then null else p.lat + (random() - 0.5) * 0.04 end,
       case when g % 6 = 0 then null else p.lon + (random() - 0.5) * 0.06 end,
       'FLEXIBLE', (random() * 2097151)::int, 2, 10,
       case when g % 10 = 0 then 'CLOSED' else 'OPEN' end
from (select ?::bigint as tenant) t
cross join generate_series(1, ?) g
cross join skills s cross join assoc a cross join np
join bench_place p on p.n = (g::bigint * 2654435761) % np.n
