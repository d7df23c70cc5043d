-- Tandem demo tenant: a fictional Luxembourg company (Demo SA) with 30 employees at three sites,
-- ten associations of the Greater Region, 40 missions, commitments and logged hours.
-- Loaded once, in local mode only, by DemoTenantLoader (one transaction, statements split on
-- semicolons: no semicolon may appear inside a string literal, and no psql meta-command).
-- Everything is fictional. Ids are identity columns: rows are found again by natural keys
-- (tenant external id, e-mail, association name, mission title).
-- Dates follow the clock: sessions fall on fixed weekdays in the weeks around today (Europe/Luxembourg
-- time), so the demo never goes stale and each mission keeps its weekly slots.
-- Town coordinates come from the GeoNames gazetteer (geonames.org, CC BY 4.0).

insert into tenant (platform, external_id, name, country, sector, time_zone, yearly_allowance_hours,
                    manager_approval, hours_approval, over_allowance, hourly_rate, currency)
values ('LOCAL', 'demo', 'Demo SA', 'LU', 'PRIVATE', 'Europe/Luxembourg', 40,
        false, true, 'FLAG', 45, 'EUR');

-- The French site (Metz) has its own allowance and valued hourly rate.
insert into tenant_country_policy (tenant_id, country, yearly_allowance_hours, hourly_rate)
select id, 'FR', 24, 38 from tenant where platform = 'LOCAL' and external_id = 'demo';

-- Employees. The five with onboarded = false have only what the HR directory gives (name, e-mail,
-- site, department, locale): their profile is filled by the onboarding conversation.
-- availability: bit (day * 3 + part), day 0 = Monday, part 0 = morning, 1 = afternoon, 2 = evening.
insert into employee (tenant_id, display_name, email, locale, time_zone, is_employee, is_csr_manager, is_admin,
                      site, department, country, skills, causes, languages, availability,
                      place_name, place_country, lat, lon, travel_km, remote_ok, onboarded)
select t.id, v.display_name, v.email, v.locale, 'Europe/Luxembourg', true, v.csr, v.admin,
       v.site, v.department, v.country, v.skills, v.causes, v.languages, v.availability,
       v.place_name, v.place_country, v.lat, v.lon, v.travel_km, v.remote_ok, v.onboarded
from tenant t
cross join (values
    ('Claire Weber', 'claire.weber@demo.example', 'fr', false, true, 'Luxembourg-Kirchberg', 'HR', 'LU',
     array['recruiting', 'coaching', 'project_management', 'hr_management'], array['EMPLOYMENT', 'GENDER_EQUALITY'], array['fr', 'lb', 'de', 'en'], 2080,
     'Luxembourg', 'LU', 49.60982, 6.13268, 15, true, true),
    ('Sophie Muller', 'sophie.muller@demo.example', 'fr', true, false, 'Luxembourg-Kirchberg', 'HR', 'LU',
     array['event_planning', 'project_management', 'training', 'volunteer_management'], array['SOCIAL_INCLUSION', 'EDUCATION', 'ENVIRONMENT'], array['fr', 'lb', 'de', 'en'], 12416,
     'Strassen', 'LU', 49.62056, 6.07333, 20, true, true),
    ('Ana Lopes', 'ana.lopes@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'Finance', 'LU',
     array['accounting', 'spreadsheets', 'budgeting'], array['FOOD_AID', 'SOCIAL_INCLUSION'], array['pt', 'fr', 'en'], 33541,
     'Differdange', 'LU', 49.52417, 5.89139, 25, true, true),
    ('Marco Rossi', 'marco.rossi@demo.example', 'en', false, false, 'Luxembourg-Kirchberg', 'IT', 'LU',
     array['web_development', 'data_analysis', 'it_support', 'digital_inclusion'], array['DIGITAL_INCLUSION', 'ANIMALS'], array['it', 'en', 'fr'], 34944,
     'Hesperange', 'LU', 49.56806, 6.15139, 15, true, true),
    ('Jean Schmit', 'jean.schmit@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'Finance', 'LU',
     array['accounting', 'audit', 'budgeting', 'taxation'], array['ELDERLY', 'HUMANITARIAN'], array['lb', 'fr', 'de', 'en'], 8320,
     'Mersch', 'LU', 49.75055, 6.10627, 25, true, true),
    ('Lukas Becker', 'lukas.becker@demo.example', 'de', false, false, 'Luxembourg-Kirchberg', 'IT', 'LU',
     array['it_support', 'cybersecurity', 'computer_repair', 'electronics_repair'], array['DIGITAL_INCLUSION', 'ELDERLY', 'ENVIRONMENT'], array['de', 'en', 'lb'], 98336,
     'Mamer', 'LU', 49.6275, 6.02333, 25, true, true),
    ('Nathalie Kieffer', 'nathalie.kieffer@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'Marketing', 'LU',
     array['graphic_design', 'social_media', 'writing', 'photography'], array['CULTURE', 'ANIMALS'], array['fr', 'lb', 'en', 'de'], 262404,
     'Bertrange', 'LU', 49.61111, 6.05, 15, true, true),
    ('Tom Hoffmann', 'tom.hoffmann@demo.example', 'de', false, false, 'Luxembourg-Kirchberg', 'Facilities', 'LU',
     array['electrical_installation', 'facility_maintenance', 'plumbing', 'carpentry'], array['HOUSING', 'ENVIRONMENT'], array['lb', 'de', 'fr'], 45056,
     'Leudelange', 'LU', 49.56833, 6.06528, 30, false, true),
    ('Inês Carvalho', 'ines.carvalho@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'Customer service', 'LU',
     array['reception', 'translation', 'interpreting', 'cooking'], array['REFUGEES', 'FOOD_AID', 'CHILDREN_YOUTH'], array['pt', 'fr', 'en'], 1568,
     'Luxembourg', 'LU', 49.60982, 6.13268, 20, true, true),
    ('Giulia Bianchi', 'giulia.bianchi@demo.example', 'en', false, false, 'Luxembourg-Kirchberg', 'Marketing', 'LU',
     '{}'::text[], '{}'::text[], '{}'::text[], 0,
     null, null, null, null, 15, true, false),
    ('David Reuter', 'david.reuter@demo.example', 'en', false, false, 'Luxembourg-Kirchberg', 'Operations', 'LU',
     array['project_management', 'supply_chain', 'sports_coaching'], array['EMPLOYMENT', 'CHILDREN_YOUTH'], array['de', 'lb', 'en', 'fr'], 33024,
     'Walferdange', 'LU', 49.66321, 6.13224, 20, false, true),
    ('Sarah Thill', 'sarah.thill@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'HR', 'LU',
     array['recruiting', 'career_guidance', 'coaching', 'public_speaking'], array['EMPLOYMENT', 'GENDER_EQUALITY', 'REFUGEES'], array['lb', 'fr', 'en', 'de'], 2052,
     'Steinsel', 'LU', 49.67694, 6.12389, 15, true, true),
    ('Mehdi Benali', 'mehdi.benali@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'IT', 'LU',
     '{}'::text[], '{}'::text[], '{}'::text[], 0,
     null, null, null, null, 15, true, false),
    ('Carlos Pereira', 'carlos.pereira@demo.example', 'fr', false, false, 'Luxembourg-Kirchberg', 'Facilities', 'LU',
     array['truck_driving', 'van_driving', 'warehouse_operations', 'facility_maintenance'], array['FOOD_AID', 'HUMANITARIAN'], array['pt', 'fr', 'lb'], 32776,
     'Bettembourg', 'LU', 49.51861, 6.10278, 25, false, true),
    ('Paulo Ferreira', 'paulo.ferreira@demo.example', 'fr', false, false, 'Esch-Belval', 'Logistics', 'LU',
     array['warehouse_operations', 'forklift_driving', 'inventory_management', 'van_driving'], array['FOOD_AID', 'SOCIAL_INCLUSION'], array['pt', 'fr', 'lb'], 33280,
     'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 10, false, true),
    ('Martine Wagner', 'martine.wagner@demo.example', 'fr', true, false, 'Esch-Belval', 'HR', 'LU',
     array['event_planning', 'volunteer_management', 'training', 'facilitation'], array['SOCIAL_INCLUSION', 'ELDERLY', 'FOOD_AID'], array['lb', 'fr', 'de', 'en'], 528,
     'Schifflange', 'LU', 49.50639, 6.01278, 15, true, true),
    ('Rui Silva', 'rui.silva@demo.example', 'fr', false, false, 'Esch-Belval', 'Logistics', 'LU',
     array['van_driving', 'delivery', 'handling_moving', 'first_aid'], array['FOOD_AID', 'HUMANITARIAN'], array['pt', 'fr'], 520,
     'Differdange', 'LU', 49.52417, 5.89139, 20, false, true),
    ('Kevin Schroeder', 'kevin.schroeder@demo.example', 'de', false, false, 'Esch-Belval', 'Facilities', 'LU',
     array['electrical_installation', 'carpentry', 'appliance_repair', 'electronics_repair'], array['ENVIRONMENT', 'HOUSING', 'DISABILITY'], array['lb', 'de', 'fr'], 102400,
     'Dudelange', 'LU', 49.48056, 6.0875, 20, false, true),
    ('Laura Ricci', 'laura.ricci@demo.example', 'fr', false, false, 'Esch-Belval', 'Finance', 'LU',
     array['accounting', 'payroll', 'spreadsheets'], array['EDUCATION', 'CHILDREN_YOUTH', 'FOOD_AID'], array['it', 'fr', 'en'], 1042,
     'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 15, true, true),
    ('Fatima Tavares', 'fatima.tavares@demo.example', 'fr', false, false, 'Esch-Belval', 'Catering', 'LU',
     array['cooking', 'food_safety', 'catering'], array['FOOD_AID', 'REFUGEES'], array['pt', 'fr'], 16896,
     'Pétange', 'LU', 49.55833, 5.88056, 20, false, true),
    ('Yannick Hansen', 'yannick.hansen@demo.example', 'de', false, false, 'Esch-Belval', 'Operations', 'LU',
     array['machine_maintenance', 'welding', 'small_engine_repair', 'bicycle_repair'], array['ENVIRONMENT', 'EMPLOYMENT'], array['lb', 'de', 'fr'], 98560,
     'Sanem', 'LU', 49.54806, 5.92889, 15, false, true),
    ('Chiara Conti', 'chiara.conti@demo.example', 'en', false, false, 'Esch-Belval', 'Marketing', 'LU',
     '{}'::text[], '{}'::text[], '{}'::text[], 0,
     null, null, null, null, 15, true, false),
    ('Joana Mendes', 'joana.mendes@demo.example', 'fr', false, false, 'Esch-Belval', 'Customer service', 'LU',
     '{}'::text[], '{}'::text[], '{}'::text[], 0,
     null, null, null, null, 15, true, false),
    ('Julien Marchal', 'julien.marchal@demo.example', 'fr', false, false, 'Metz', 'Operations', 'FR',
     array['project_management', 'process_improvement', 'team_leadership', 'cooking'], array['EMPLOYMENT', 'REFUGEES'], array['fr', 'en'], 16416,
     'Metz', 'FR', 49.11911, 6.17269, 10, true, true),
    ('Camille Laurent', 'camille.laurent@demo.example', 'fr', false, false, 'Metz', 'HR', 'FR',
     array['recruiting', 'career_guidance', 'coaching', 'training'], array['EMPLOYMENT', 'GENDER_EQUALITY', 'REFUGEES'], array['fr', 'en'], 18432,
     'Montigny-lès-Metz', 'FR', 49.0956, 6.15271, 10, true, true),
    ('Nicolas Thiery', 'nicolas.thiery@demo.example', 'fr', false, false, 'Metz', 'Logistics', 'FR',
     '{}'::text[], '{}'::text[], '{}'::text[], 0,
     null, null, null, null, 15, true, false),
    ('Émilie Fischer', 'emilie.fischer@demo.example', 'fr', false, false, 'Metz', 'Finance', 'FR',
     array['accounting', 'spreadsheets', 'data_visualisation'], array['SOCIAL_INCLUSION', 'HOUSING', 'REFUGEES'], array['fr', 'de', 'en'], 16512,
     'Thionville', 'FR', 49.35994, 6.16044, 25, true, true),
    ('Antoine Gérard', 'antoine.gerard@demo.example', 'fr', false, false, 'Metz', 'Facilities', 'FR',
     array['electrical_installation', 'plumbing', 'heating_hvac', 'facility_maintenance'], array['HOUSING', 'DISABILITY', 'REFUGEES'], array['fr'], 57344,
     'Yutz', 'FR', 49.35571, 6.1926, 30, false, true),
    ('Sébastien Klein', 'sebastien.klein@demo.example', 'fr', false, false, 'Metz', 'IT', 'FR',
     array['web_development', 'cybersecurity', 'networks_systems', 'cms_websites'], array['DIGITAL_INCLUSION', 'EDUCATION', 'ANIMALS', 'REFUGEES'], array['fr', 'de', 'en'], 16420,
     'Metz', 'FR', 49.11911, 6.17269, 15, true, true),
    ('Nadia Haddad', 'nadia.haddad@demo.example', 'fr', false, false, 'Metz', 'Customer service', 'FR',
     array['cooking', 'food_safety', 'reception', 'first_aid'], array['FOOD_AID', 'REFUGEES', 'HEALTH'], array['fr', 'en'], 24704,
     'Hayange', 'FR', 49.32881, 6.06278, 25, false, true)
) as v (display_name, email, locale, csr, admin, site, department, country, skills, causes, languages,
        availability, place_name, place_country, lat, lon, travel_km, remote_ok, onboarded)
where t.platform = 'LOCAL' and t.external_id = 'demo';

-- Line managers (they may approve the hours of their reports).
update employee e set manager_id = m.id
from tenant t, employee m, (values
    ('ana.lopes@demo.example', 'jean.schmit@demo.example'),
    ('laura.ricci@demo.example', 'jean.schmit@demo.example'),
    ('emilie.fischer@demo.example', 'jean.schmit@demo.example'),
    ('lukas.becker@demo.example', 'marco.rossi@demo.example'),
    ('mehdi.benali@demo.example', 'marco.rossi@demo.example'),
    ('sebastien.klein@demo.example', 'marco.rossi@demo.example'),
    ('carlos.pereira@demo.example', 'tom.hoffmann@demo.example'),
    ('kevin.schroeder@demo.example', 'tom.hoffmann@demo.example'),
    ('fatima.tavares@demo.example', 'tom.hoffmann@demo.example'),
    ('paulo.ferreira@demo.example', 'david.reuter@demo.example'),
    ('yannick.hansen@demo.example', 'david.reuter@demo.example'),
    ('rui.silva@demo.example', 'paulo.ferreira@demo.example'),
    ('giulia.bianchi@demo.example', 'nathalie.kieffer@demo.example'),
    ('chiara.conti@demo.example', 'nathalie.kieffer@demo.example'),
    ('joana.mendes@demo.example', 'ines.carvalho@demo.example'),
    ('sarah.thill@demo.example', 'claire.weber@demo.example'),
    ('sophie.muller@demo.example', 'claire.weber@demo.example'),
    ('martine.wagner@demo.example', 'claire.weber@demo.example'),
    ('camille.laurent@demo.example', 'claire.weber@demo.example'),
    ('nicolas.thiery@demo.example', 'julien.marchal@demo.example'),
    ('antoine.gerard@demo.example', 'julien.marchal@demo.example'),
    ('nadia.haddad@demo.example', 'julien.marchal@demo.example')
) as v (email, manager_email)
where t.platform = 'LOCAL' and t.external_id = 'demo'
  and e.tenant_id = t.id and m.tenant_id = t.id and e.email = v.email and m.email = v.manager_email;

-- How each person is known in local mode (the local part of the e-mail) and by e-mail.
insert into chat_identity (tenant_id, employee_id, kind, external_id)
select e.tenant_id, e.id, k.kind, case k.kind when 'LOCAL' then split_part(e.email, '@', 1) else e.email end
from tenant t
join employee e on e.tenant_id = t.id
cross join (values ('LOCAL'), ('EMAIL')) as k (kind)
where t.platform = 'LOCAL' and t.external_id = 'demo';

insert into association (tenant_id, name, description, causes, address, place_name, place_country, lat, lon,
                         registration_id, coordinator_name, coordinator_email, created_at)
select t.id, v.name, v.description, v.causes, v.address, v.place_name, v.place_country, v.lat, v.lon,
       v.registration_id, v.coordinator_name, v.coordinator_email, now() - interval '60 days'
from tenant t
cross join (values
    ('Banque Alimentaire du Sud',
     'Collecte les invendus des supermarchés du sud du pays et approvisionne une épicerie solidaire pour 300 familles.',
     array['FOOD_AID', 'SOCIAL_INCLUSION'], '14, rue du Canal, L-4050 Esch-sur-Alzette', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056,
     'F11482', 'Isabelle Reding', 'isabelle.reding@banque-alimentaire-sud.example.org'),
    ('Seniors Connectés',
     'Helps older people in Luxembourg City get comfortable with smartphones, tablets and online public services.',
     array['DIGITAL_INCLUSION', 'ELDERLY'], '3, rue de Hollerich, L-1740 Luxembourg', 'Luxembourg', 'LU', 49.60982, 6.13268,
     'F10937', 'Marc Thillens', 'marc.thillens@seniors-connectes.example.org'),
    ('Accueil Réfugiés Moselle',
     'Accueille les personnes réfugiées à Metz : repas partagés, vestiaire solidaire, accompagnement dans les démarches.',
     array['REFUGEES', 'SOCIAL_INCLUSION'], '22, rue Mazelle, 57000 Metz', 'Metz', 'FR', 49.11911, 6.17269,
     'W572004318', 'Hélène Durand', 'helene.durand@accueil-refugies-moselle.example.org'),
    ('Repair Café Déifferdeng',
     'Monthly repair café where volunteers fix appliances, bikes and clothes with their owners instead of throwing them away.',
     array['ENVIRONMENT', 'SOCIAL_INCLUSION'], '5, rue Émile Mark, L-4620 Differdange', 'Differdange', 'LU', 49.52417, 5.89139,
     'F12205', 'Patrick Goedert', 'patrick.goedert@repaircafe-differdange.example.org'),
    ('Gaart fir Jiddereen Diddeleng',
     'Jardin partagé de quartier à Dudelange : potagers collectifs, compost et ateliers pour les familles du quartier.',
     array['ENVIRONMENT', 'SOCIAL_INCLUSION', 'FOOD_AID'], 'Rue du Parc, L-3542 Dudelange', 'Dudelange', 'LU', 49.48056, 6.0875,
     'F13078', 'Lis Bettendorf', 'lis.bettendorf@gaart-diddeleng.example.org'),
    ('FC Jeunesse Solidaire Thionville',
     'Club de football pour les 6-15 ans des quartiers prioritaires, avec aide aux devoirs après l''entraînement.',
     array['CHILDREN_YOUTH', 'SOCIAL_INCLUSION', 'EDUCATION'], 'Stade municipal, avenue de Guise, 57100 Thionville', 'Thionville', 'FR', 49.35994, 6.16044,
     'W573011462', 'Karim Bouzid', 'karim.bouzid@fcjs-thionville.example.org'),
    ('Elles Rebondissent',
     'Coaching and mentoring for women returning to work after a career break, a migration or a period of unemployment.',
     array['EMPLOYMENT', 'GENDER_EQUALITY'], '41, avenue de la Gare, L-1611 Luxembourg', 'Luxembourg', 'LU', 49.60982, 6.13268,
     'F11856', 'Teresa Almeida', 'teresa.almeida@elles-rebondissent.example.org'),
    ('Refuge des Trois Frontières',
     'Refuge pour chiens et chats abandonnés dans la province de Luxembourg, qui vit des dons et de ses bénévoles.',
     array['ANIMALS'], 'Route de Bastogne 210, 6700 Arlon', 'Arlon', 'BE', 49.68333, 5.81667,
     '0712.468.395', 'Vincent Lambert', 'vincent.lambert@refuge-trois-frontieres.example.org'),
    ('Les Mots Passants',
     'Ateliers d''alphabétisation et de français pour adultes à Thionville, et aide aux démarches administratives.',
     array['EDUCATION', 'SOCIAL_INCLUSION', 'REFUGEES'], '8, place de la Liberté, 57100 Thionville', 'Thionville', 'FR', 49.35994, 6.16044,
     'W573008127', 'Monique Schneider', 'monique.schneider@motspassants.example.org'),
    ('Inklusiver Sportverein Trier',
     'Sport für Menschen mit und ohne Behinderung: Schwimmen, Rollstuhlbasketball und ein jährliches Sportfest.',
     array['DISABILITY', 'HEALTH'], 'Südallee 30, 54290 Trier', 'Trier', 'DE', 49.75565, 6.63935,
     'VR 40517', 'Stefan Kaiser', 'stefan.kaiser@isv-trier.example.org')
) as v (name, description, causes, address, place_name, place_country, lat, lon,
        registration_id, coordinator_name, coordinator_email)
where t.platform = 'LOCAL' and t.external_id = 'demo';

-- Missions: 12 remote, 6 hybrid, 22 on site. slots of dated missions, first_date and last_date are
-- derived from their sessions below. A FULL status is set after the commitments.
insert into mission (tenant_id, association_id, title, description, skills, causes, sdgs, languages, mode,
                     place_name, place_country, lat, lon, schedule, slots, hours_per_session, capacity,
                     team_size, status, created_by, created_at)
select t.id, a.id, v.title, v.description, v.skills, v.causes, v.sdgs, v.languages, v.mode,
       v.place_name, v.place_country, v.lat, v.lon, v.schedule, v.slots, v.hours_per_session, v.capacity,
       v.team_size, v.status, c.id, now() - v.age_days * interval '1 day'
from tenant t
cross join (values
    ('Refuge des Trois Frontières', 'Website refresh for the animal shelter',
     'Rebuild the shelter''s ageing website so each animal up for adoption has a page with photos, and the donation page works on mobile.',
     array['cms_websites', 'web_development', 'graphic_design'], array['ANIMALS'], array[15]::smallint[], array['fr', 'en'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 3, 1, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 40),
    ('Banque Alimentaire du Sud', 'Data dashboard for the food bank',
     'Turn the food bank''s distribution spreadsheets into a simple monthly dashboard: families served, kilos collected, stock levels.',
     array['data_visualisation', 'spreadsheets'], array['FOOD_AID'], array[1, 2]::smallint[], array['fr', 'en'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2, 2, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 25),
    ('Banque Alimentaire du Sud', 'Excel training for volunteers',
     'A one-hour-and-a-half online session to teach the volunteer team how to use the stock spreadsheet: filters, formulas, pivot tables.',
     array['spreadsheets', 'training'], array['FOOD_AID', 'EDUCATION'], array[1, 2, 4]::smallint[], array['fr'],
     'REMOTE', null, null, null, null, 'ONE_DATE', 0, 1.5, 2, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 30),
    ('Accueil Réfugiés Moselle', 'Traduire le livret d''accueil en portugais',
     'Traduire du français vers le portugais le livret de 20 pages remis aux familles à leur arrivée (santé, école, transports).',
     array['translation'], array['REFUGEES'], array[10, 16]::smallint[], array['fr', 'pt'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2, 2, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 20),
    ('Elles Rebondissent', 'Relire les CV des participantes',
     'Relire et annoter à distance les CV et lettres de motivation des participantes du programme, avec un retour écrit pour chacune.',
     array['career_guidance', 'proofreading'], array['EMPLOYMENT', 'GENDER_EQUALITY'], array[5, 8]::smallint[], array['fr', 'en'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 1.5, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 18),
    ('Repair Café Déifferdeng', 'Social media plan for the repair café',
     'Plan three months of posts to announce the repair cafés and show what volunteers fixed, and set up a simple posting calendar.',
     array['social_media', 'communication'], array['ENVIRONMENT'], array[12, 13, 15]::smallint[], array['en', 'fr'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2, 1, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 15),
    ('FC Jeunesse Solidaire Thionville', 'Aide aux devoirs en ligne : maths pour les collégiens',
     'Soutien en mathématiques en visio pour des jeunes du club, le lundi soir, par petits groupes de trois élèves.',
     array['maths_tutoring', 'school_tutoring'], array['CHILDREN_YOUTH', 'EDUCATION'], array[3, 4]::smallint[], array['fr'],
     'REMOTE', null, null, null, null, 'SERIES', 0, 1.5, 3, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 12),
    ('Refuge des Trois Frontières', 'Design a flyer for the adoption day',
     'Design an A5 flyer and a matching social media visual for the shelter''s open day and adoption fair.',
     array['graphic_design'], array['ANIMALS'], array[15]::smallint[], array['fr', 'en'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 3, 1, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 10),
    ('Les Mots Passants', 'Mettre à jour la base de données des bénévoles',
     'Nettoyer et structurer le fichier des bénévoles et des apprenants (doublons, disponibilités, coordonnées) dans un tableur partagé.',
     array['spreadsheets', 'data_entry'], array['EDUCATION'], array[4]::smallint[], array['fr'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2, 1, 'SINGLE', 'DRAFT',
     'sophie.muller@demo.example', 5),
    ('Seniors Connectés', 'Cybersecurity check-up for the association',
     'Review the association''s accounts, passwords, backups and laptops, and write a short list of fixes the volunteers can apply.',
     array['cybersecurity', 'it_support'], array['DIGITAL_INCLUSION'], array[4, 10]::smallint[], array['en', 'fr', 'de'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 3, 1, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 22),
    ('FC Jeunesse Solidaire Thionville', 'Préparer le budget prévisionnel du club',
     'Aider le trésorier à construire le budget de la saison et le dossier de subvention de la ville : licences, équipements, déplacements.',
     array['budgeting', 'accounting', 'grant_writing'], array['CHILDREN_YOUTH'], array[3, 4]::smallint[], array['fr'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2, 1, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 14),
    ('Gaart fir Jiddereen Diddeleng', 'Write grant applications for the community garden',
     'Help the garden committee answer two calls for projects (municipal and foundation) to fund a rainwater tank and a tool shed.',
     array['grant_writing', 'writing'], array['ENVIRONMENT'], array[12, 13, 15]::smallint[], array['en', 'fr'],
     'REMOTE', null, null, null, null, 'FLEXIBLE', 0, 2.5, 2, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 16),
    ('Banque Alimentaire du Sud', 'Tenir la comptabilité de l''épicerie solidaire',
     'Saisir les factures et les dons, faire le rapprochement bancaire et préparer la clôture mensuelle avec la trésorière, en partie sur place à Esch.',
     array['accounting', 'spreadsheets'], array['FOOD_AID', 'SOCIAL_INCLUSION'], array[1, 2, 10]::smallint[], array['fr', 'pt'],
     'HYBRID', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 'FLEXIBLE', 1170, 2, 6, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 40),
    ('Elles Rebondissent', 'Mentorat : retour à l''emploi',
     'Programme de six semaines : en binôme, accompagner une participante chaque jeudi soir (projet professionnel, CV, réseau, entretiens). Séances à Luxembourg ou en visio.',
     array['mentoring', 'career_guidance', 'coaching'], array['EMPLOYMENT', 'GENDER_EQUALITY'], array[5, 8]::smallint[], array['fr', 'en'],
     'HYBRID', 'Luxembourg', 'LU', 49.60982, 6.13268, 'SERIES', 0, 1.5, 6, 'PAIR', 'OPEN',
     'sophie.muller@demo.example', 21),
    ('Elles Rebondissent', 'Mock job interviews',
     'Play the recruiter for an evening: 30-minute mock interviews with participants, followed by friendly, concrete feedback.',
     array['recruiting', 'career_guidance'], array['EMPLOYMENT', 'GENDER_EQUALITY'], array[5, 8]::smallint[], array['en', 'fr'],
     'HYBRID', 'Luxembourg', 'LU', 49.60982, 6.13268, 'ONE_DATE', 0, 2.5, 6, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 9),
    ('FC Jeunesse Solidaire Thionville', 'Plan de communication du club de foot',
     'Construire avec le bureau du club un plan de communication pour recruter des bénévoles et des partenaires locaux.',
     array['communication', 'social_media'], array['CHILDREN_YOUTH', 'SOCIAL_INCLUSION'], array[1, 3, 4, 10]::smallint[], array['fr'],
     'HYBRID', 'Thionville', 'FR', 49.35994, 6.16044, 'FLEXIBLE', 260, 2, 2, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 11),
    ('Refuge des Trois Frontières', 'Set up the shelter''s adoption database',
     'Two workshops at the shelter to move adoption files from paper to a simple database, then train the two staff members to use it.',
     array['databases', 'it_support'], array['ANIMALS'], array[15]::smallint[], array['fr', 'en'],
     'HYBRID', 'Arlon', 'BE', 49.68333, 5.81667, 'SERIES', 0, 3, 2, 'PAIR', 'OPEN',
     'sophie.muller@demo.example', 13),
    ('Accueil Réfugiés Moselle', 'Atelier CV et LinkedIn pour personnes réfugiées',
     'Un atelier collectif pour aider des personnes réfugiées à rédiger leur CV à la française et créer leur profil professionnel en ligne.',
     array['career_guidance', 'recruiting'], array['REFUGEES', 'EMPLOYMENT'], array[8, 10, 16]::smallint[], array['fr', 'en'],
     'HYBRID', 'Metz', 'FR', 49.11911, 6.17269, 'ONE_DATE', 0, 3, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 8),
    ('Banque Alimentaire du Sud', 'Sort and stock food donations',
     'Sort the week''s donations in the warehouse, check dates, stack pallets and restock the shelves of the social grocery.',
     array['donation_sorting', 'warehouse_operations', 'inventory_management'], array['FOOD_AID'], array[1, 2]::smallint[], array['fr', 'lb', 'pt'],
     'ONSITE', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 'SERIES', 0, 3, 10, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 35),
    ('Banque Alimentaire du Sud', 'Drive the weekly food collection van',
     'Drive the food bank''s 3.5 t van on the Tuesday morning round of partner supermarkets in Esch and Belval, and unload at the warehouse.',
     array['van_driving', 'handling_moving'], array['FOOD_AID'], array[1, 2]::smallint[], array['fr', 'pt'],
     'ONSITE', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 'SERIES', 0, 3, 2, 'PAIR', 'OPEN',
     'martine.wagner@demo.example', 38),
    ('Gaart fir Jiddereen Diddeleng', 'Build raised beds in the community garden',
     'Une journée de chantier pour construire six bacs potagers surélevés accessibles en fauteuil roulant.',
     array['carpentry', 'handyman'], array['ENVIRONMENT', 'DISABILITY'], array[10, 12, 13, 15]::smallint[], array['fr', 'lb'],
     'ONSITE', 'Dudelange', 'LU', 49.48056, 6.0875, 'ONE_DATE', 0, 4, 6, 'TRIO', 'CLOSED',
     'martine.wagner@demo.example', 42),
    ('Repair Café Déifferdeng', 'Repair café: fix small appliances',
     'Help visitors repair toasters, lamps, vacuum cleaners and laptops: diagnose the fault, show them how to fix it, or explain why not.',
     array['appliance_repair', 'electronics_repair', 'computer_repair'], array['ENVIRONMENT'], array[12, 13, 15]::smallint[], array['fr', 'lb', 'de'],
     'ONSITE', 'Differdange', 'LU', 49.52417, 5.89139, 'SERIES', 0, 3, 6, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 39),
    ('Accueil Réfugiés Moselle', 'Cook with refugees',
     'Cuisiner avec des familles réfugiées pour le repas partagé du vendredi soir, puis dîner ensemble. Ambiance conviviale garantie.',
     array['cooking', 'food_safety'], array['REFUGEES', 'FOOD_AID'], array[1, 2, 10, 16]::smallint[], array['fr', 'en'],
     'ONSITE', 'Metz', 'FR', 49.11911, 6.17269, 'SERIES', 0, 3, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 24),
    ('Seniors Connectés', 'Accompagner les seniors sur smartphone',
     'Atelier du mercredi après-midi : aider des seniors à utiliser leur smartphone (messagerie, photos, MyGuichet, rendez-vous médicaux).',
     array['digital_inclusion'], array['DIGITAL_INCLUSION', 'ELDERLY'], array[3, 4, 10]::smallint[], array['fr', 'lb', 'pt'],
     'ONSITE', 'Luxembourg', 'LU', 49.60982, 6.13268, 'SERIES', 0, 2, 5, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 30),
    ('Seniors Connectés', 'Lëtzebuergesch Konversatioun mat Senioren',
     'All Méindeg e Gespréichsnomëtteg op Lëtzebuergesch mat eelere Leit, déi eleng wunnen: Zeitung liesen, Kaffi drénken, verzielen.',
     array['elderly_care'], array['ELDERLY'], array[3, 10]::smallint[], array['lb'],
     'ONSITE', 'Luxembourg', 'LU', 49.60982, 6.13268, 'SERIES', 0, 1.5, 3, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 17),
    ('Inklusiver Sportverein Trier', 'Begleitung beim inklusiven Schwimmtraining',
     'Samstags Schwimmerinnen und Schwimmer mit Behinderung am Beckenrand und im Wasser begleiten, zusammen mit den Trainern.',
     array['adapted_sports', 'disability_support', 'first_aid'], array['DISABILITY', 'HEALTH'], array[3, 10]::smallint[], array['de'],
     'ONSITE', 'Trier', 'DE', 49.75565, 6.63935, 'SERIES', 0, 2, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 19),
    ('Inklusiver Sportverein Trier', 'Helfer für das Inklusions-Sportfest',
     'Aufbau, Stationen betreuen, Verpflegung und Abbau beim jährlichen inklusiven Sportfest im Moselstadion.',
     array['event_setup', 'adapted_sports'], array['DISABILITY'], array[10]::smallint[], array['de'],
     'ONSITE', 'Trier', 'DE', 49.75565, 6.63935, 'ONE_DATE', 0, 6, 12, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 20),
    ('FC Jeunesse Solidaire Thionville', 'Entraîner les U11 le mercredi',
     'Co-animer l''entraînement des moins de 11 ans avec l''éducateur du club : échauffement, ateliers techniques, petits matchs.',
     array['sports_coaching', 'childcare'], array['CHILDREN_YOUTH'], array[3, 4]::smallint[], array['fr'],
     'ONSITE', 'Thionville', 'FR', 49.35994, 6.16044, 'SERIES', 0, 2, 2, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 15),
    ('FC Jeunesse Solidaire Thionville', 'Repeindre les vestiaires du club',
     'Une matinée pour poncer et repeindre les deux vestiaires et le local du matériel. Peinture et outils fournis.',
     array['painting_decorating'], array['CHILDREN_YOUTH'], array[3, 4]::smallint[], array['fr'],
     'ONSITE', 'Thionville', 'FR', 49.35994, 6.16044, 'ONE_DATE', 0, 5, 8, 'TRIO', 'OPEN',
     'sophie.muller@demo.example', 12),
    ('Repair Café Déifferdeng', 'Refaire l''installation électrique de l''atelier vélo',
     'Mettre aux normes l''éclairage et les prises de l''atelier vélo du repair café (tableau, câblage, 6 prises). Électricien qualifié requis.',
     array['electrical_installation'], array['ENVIRONMENT'], array[12, 13, 15]::smallint[], array['fr', 'lb'],
     'ONSITE', 'Differdange', 'LU', 49.52417, 5.89139, 'ONE_DATE', 0, 4, 2, 'PAIR', 'DRAFT',
     'martine.wagner@demo.example', 4),
    ('Refuge des Trois Frontières', 'Nettoyer les enclos et promener les chiens',
     'Nettoyer les boxes, préparer les gamelles et sortir les chiens en forêt. Quand vous voulez le week-end, le matin.',
     array['animal_care', 'cleaning'], array['ANIMALS'], array[15]::smallint[], array['fr'],
     'ONSITE', 'Arlon', 'BE', 49.68333, 5.81667, 'FLEXIBLE', 294912, 3, 10, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 28),
    ('Refuge des Trois Frontières', 'Réparer les clôtures du refuge',
     'Remplacer des piquets et du grillage abîmés autour des parcs à chiens. Bonne condition physique conseillée.',
     array['carpentry', 'handyman'], array['ANIMALS'], array[15]::smallint[], array['fr'],
     'ONSITE', 'Arlon', 'BE', 49.68333, 5.81667, 'ONE_DATE', 0, 4, 4, 'PAIR', 'OPEN',
     'sophie.muller@demo.example', 14),
    ('Les Mots Passants', 'Ateliers de lecture pour adultes',
     'Animer un petit groupe d''adultes qui apprennent à lire et écrire le français, avec les supports préparés par l''association.',
     array['literacy', 'fle_teaching'], array['EDUCATION', 'SOCIAL_INCLUSION'], array[1, 4, 10]::smallint[], array['fr'],
     'ONSITE', 'Thionville', 'FR', 49.35994, 6.16044, 'SERIES', 0, 2, 3, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 16),
    ('Les Mots Passants', 'Permanence d''aide aux démarches administratives',
     'Aider des personnes à remplir leurs dossiers (CAF, impôts, France Travail) pendant la permanence de l''association.',
     array['admin_assistance'], array['SOCIAL_INCLUSION'], array[1, 10]::smallint[], array['fr'],
     'ONSITE', 'Thionville', 'FR', 49.35994, 6.16044, 'FLEXIBLE', 1026, 3, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 26),
    ('Gaart fir Jiddereen Diddeleng', 'Garden workday: compost and planting',
     'Turn the compost, weed, plant the vegetables of the season and mulch the beds with the neighbourhood gardeners.',
     array['gardening', 'composting'], array['ENVIRONMENT'], array[12, 13, 15]::smallint[], array['lb', 'fr', 'en'],
     'ONSITE', 'Dudelange', 'LU', 49.48056, 6.0875, 'SERIES', 0, 3, 8, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 18),
    ('Banque Alimentaire du Sud', 'Entretien de la chambre froide',
     'Contrôler et entretenir la chambre froide et les frigos de l''épicerie solidaire (joints, températures, nettoyage des condenseurs).',
     array['heating_hvac', 'machine_maintenance'], array['FOOD_AID'], array[1, 2]::smallint[], array['fr', 'lb', 'de'],
     'ONSITE', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 'ONE_DATE', 0, 3, 1, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 10),
    ('Banque Alimentaire du Sud', 'Cuisiner le repas solidaire du samedi',
     'Préparer avec l''équipe de l''épicerie un repas chaud pour 80 personnes à partir des dons de la semaine.',
     array['cooking', 'catering', 'food_safety'], array['FOOD_AID', 'SOCIAL_INCLUSION'], array[1, 2, 10]::smallint[], array['fr', 'pt', 'lb'],
     'ONSITE', 'Esch-sur-Alzette', 'LU', 49.49583, 5.98056, 'ONE_DATE', 0, 5, 6, 'SINGLE', 'OPEN',
     'martine.wagner@demo.example', 20),
    ('Accueil Réfugiés Moselle', 'Inventaire du dépôt de dons',
     'Trier, compter et ranger les dons de vêtements et d''équipements du dépôt de Woippy avant la distribution d''hiver.',
     array['inventory_management', 'donation_sorting'], array['REFUGEES', 'HUMANITARIAN'], array[1, 10, 16, 17]::smallint[], array['fr'],
     'ONSITE', 'Woippy', 'FR', 49.15111, 6.15132, 'ONE_DATE', 0, 3, 4, 'SINGLE', 'OPEN',
     'sophie.muller@demo.example', 9),
    ('Accueil Réfugiés Moselle', 'Déménager le vestiaire solidaire',
     'Transporter les portants, cartons et étagères du vestiaire solidaire vers ses nouveaux locaux à Montigny-lès-Metz. Permis B apprécié.',
     array['handling_moving', 'van_driving'], array['REFUGEES', 'HUMANITARIAN'], array[1, 10, 16, 17]::smallint[], array['fr'],
     'ONSITE', 'Montigny-lès-Metz', 'FR', 49.0956, 6.15271, 'ONE_DATE', 0, 4, 6, 'TRIO', 'OPEN',
     'sophie.muller@demo.example', 7),
    ('Accueil Réfugiés Moselle', 'Installer le Wi-Fi au centre d''accueil',
     'Installer deux bornes Wi-Fi et un routeur dans la salle commune du centre d''accueil, et documenter la configuration.',
     array['networks_systems', 'it_support'], array['REFUGEES', 'DIGITAL_INCLUSION'], array[4, 10, 16]::smallint[], array['fr', 'en'],
     'ONSITE', 'Metz', 'FR', 49.11911, 6.17269, 'ONE_DATE', 0, 3, 2, 'PAIR', 'OPEN',
     'sophie.muller@demo.example', 6)
) as v (association, title, description, skills, causes, sdgs, languages, mode, place_name, place_country,
        lat, lon, schedule, slots, hours_per_session, capacity, team_size, status, creator, age_days)
join association a on a.tenant_id = t.id and a.name = v.association
left join employee c on c.tenant_id = t.id and c.email = v.creator
where t.platform = 'LOCAL' and t.external_id = 'demo'
order by v.age_days desc, v.title;

-- Sessions at a local start time, lasting the hours per session of the mission. A session is placed on
-- a weekday (dow: 0 = Monday) of a week counted from today: week 1 is the first such weekday at
-- least two days ahead, week 2 the one after, and so on, week -1 the last such weekday before
-- today, week -2 the one before. The same rule dates the hours logged below.
insert into mission_session (tenant_id, mission_id, starts_at, ends_at)
select m.tenant_id, m.id, s.local_start at time zone t.time_zone,
       (s.local_start + m.hours_per_session * interval '1 hour') at time zone t.time_zone
from tenant t
cross join lateral (select (now() at time zone t.time_zone)::date as today) w
cross join (values
    ('Excel training for volunteers', 2, 1, time '12:00'),
    ('Aide aux devoirs en ligne : maths pour les collégiens', 1, 0, time '18:30'),
    ('Aide aux devoirs en ligne : maths pour les collégiens', 2, 0, time '18:30'),
    ('Aide aux devoirs en ligne : maths pour les collégiens', 3, 0, time '18:30'),
    ('Aide aux devoirs en ligne : maths pour les collégiens', 4, 0, time '18:30'),
    ('Mentorat : retour à l''emploi', 1, 3, time '18:30'),
    ('Mentorat : retour à l''emploi', 2, 3, time '18:30'),
    ('Mentorat : retour à l''emploi', 3, 3, time '18:30'),
    ('Mentorat : retour à l''emploi', 4, 3, time '18:30'),
    ('Mentorat : retour à l''emploi', 5, 3, time '18:30'),
    ('Mentorat : retour à l''emploi', 6, 3, time '18:30'),
    ('Mock job interviews', 3, 1, time '18:00'),
    ('Set up the shelter''s adoption database', 2, 2, time '14:00'),
    ('Set up the shelter''s adoption database', 4, 2, time '14:00'),
    ('Atelier CV et LinkedIn pour personnes réfugiées', 3, 3, time '14:00'),
    ('Sort and stock food donations', -2, 3, time '09:00'),
    ('Sort and stock food donations', -1, 3, time '09:00'),
    ('Sort and stock food donations', 1, 3, time '09:00'),
    ('Sort and stock food donations', 2, 3, time '09:00'),
    ('Sort and stock food donations', 3, 3, time '09:00'),
    ('Drive the weekly food collection van', -3, 1, time '08:30'),
    ('Drive the weekly food collection van', -2, 1, time '08:30'),
    ('Drive the weekly food collection van', -1, 1, time '08:30'),
    ('Drive the weekly food collection van', 1, 1, time '08:30'),
    ('Drive the weekly food collection van', 2, 1, time '08:30'),
    ('Drive the weekly food collection van', 3, 1, time '08:30'),
    ('Build raised beds in the community garden', -2, 4, time '09:00'),
    ('Repair café: fix small appliances', -2, 5, time '14:00'),
    ('Repair café: fix small appliances', 2, 5, time '14:00'),
    ('Repair café: fix small appliances', 6, 5, time '14:00'),
    ('Cook with refugees', 1, 4, time '18:00'),
    ('Cook with refugees', 2, 4, time '18:00'),
    ('Cook with refugees', 3, 4, time '18:00'),
    ('Cook with refugees', 4, 4, time '18:00'),
    ('Accompagner les seniors sur smartphone', -2, 2, time '14:00'),
    ('Accompagner les seniors sur smartphone', -1, 2, time '14:00'),
    ('Accompagner les seniors sur smartphone', 1, 2, time '14:00'),
    ('Accompagner les seniors sur smartphone', 2, 2, time '14:00'),
    ('Accompagner les seniors sur smartphone', 3, 2, time '14:00'),
    ('Lëtzebuergesch Konversatioun mat Senioren', 1, 0, time '15:00'),
    ('Lëtzebuergesch Konversatioun mat Senioren', 2, 0, time '15:00'),
    ('Lëtzebuergesch Konversatioun mat Senioren', 3, 0, time '15:00'),
    ('Lëtzebuergesch Konversatioun mat Senioren', 4, 0, time '15:00'),
    ('Begleitung beim inklusiven Schwimmtraining', 1, 5, time '10:00'),
    ('Begleitung beim inklusiven Schwimmtraining', 2, 5, time '10:00'),
    ('Begleitung beim inklusiven Schwimmtraining', 3, 5, time '10:00'),
    ('Begleitung beim inklusiven Schwimmtraining', 4, 5, time '10:00'),
    ('Begleitung beim inklusiven Schwimmtraining', 5, 5, time '10:00'),
    ('Helfer für das Inklusions-Sportfest', 5, 6, time '09:00'),
    ('Entraîner les U11 le mercredi', 1, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 2, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 3, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 4, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 5, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 6, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 7, 2, time '16:30'),
    ('Entraîner les U11 le mercredi', 8, 2, time '16:30'),
    ('Repeindre les vestiaires du club', 3, 5, time '08:30'),
    ('Refaire l''installation électrique de l''atelier vélo', 4, 4, time '09:00'),
    ('Réparer les clôtures du refuge', 2, 5, time '09:00'),
    ('Ateliers de lecture pour adultes', 2, 1, time '18:00'),
    ('Ateliers de lecture pour adultes', 3, 1, time '18:00'),
    ('Ateliers de lecture pour adultes', 4, 1, time '18:00'),
    ('Ateliers de lecture pour adultes', 5, 1, time '18:00'),
    ('Garden workday: compost and planting', 1, 5, time '09:30'),
    ('Garden workday: compost and planting', 3, 5, time '09:30'),
    ('Garden workday: compost and planting', 5, 5, time '09:30'),
    ('Garden workday: compost and planting', 7, 5, time '09:30'),
    ('Entretien de la chambre froide', 2, 2, time '09:00'),
    ('Cuisiner le repas solidaire du samedi', 4, 5, time '09:30'),
    ('Inventaire du dépôt de dons', 3, 3, time '13:30'),
    ('Déménager le vestiaire solidaire', 5, 5, time '08:30'),
    ('Installer le Wi-Fi au centre d''accueil', 2, 3, time '09:00')
) as v (title, week, dow, start_time)
join mission m on m.tenant_id = t.id and m.title = v.title
cross join lateral (select (case when v.week > 0
                 then (w.today + 2) + (((v.dow - extract(isodow from w.today + 2)::int + 1) + 7) % 7) + 7 * (v.week - 1)
                 else (w.today - 1) - (((extract(isodow from w.today - 1)::int - 1 - v.dow) + 7) % 7) - 7 * (-v.week - 1) end) + v.start_time as local_start) s
where t.platform = 'LOCAL' and t.external_id = 'demo';

-- First and last local day and weekly slots (weekday x morning before 12, afternoon before 18,
-- evening) of every dated mission, from its sessions.
update mission m set first_date = x.first_day, last_date = x.last_day, slots = x.bits
from (select s.tenant_id, s.mission_id, min(l.ts::date) as first_day, max(l.ts::date) as last_day,
             bit_or(1 << ((extract(isodow from l.ts)::int - 1) * 3
                          + case when extract(hour from l.ts) < 12 then 0
                                 when extract(hour from l.ts) < 18 then 1 else 2 end)) as bits
      from tenant t
      join mission_session s on s.tenant_id = t.id
      cross join lateral (select s.starts_at at time zone t.time_zone as ts) l
      where t.platform = 'LOCAL' and t.external_id = 'demo'
      group by s.tenant_id, s.mission_id) x
where m.tenant_id = x.tenant_id and m.id = x.mission_id;

-- Commitments, inserted oldest first (the waiting list is served in id order). No manager approval
-- in this tenant, so a seat is confirmed at once (decided_at stays empty), completed ones are stamped
-- the day after the mission, cancelled ones two days after they were made.
insert into commitment (tenant_id, mission_id, employee_id, status, created_at, decided_at, cancelled_at)
select t.id, m.id, e.id, v.status, now() - v.age_days * interval '1 day',
       case when v.status = 'COMPLETED'
            then least(((m.last_date + 1) + time '10:00') at time zone t.time_zone, now()) end,
       case when v.status = 'CANCELLED' then now() - (v.age_days - 2) * interval '1 day' end
from tenant t
cross join (values
    ('Sort and stock food donations', 'paulo.ferreira@demo.example', 'CONFIRMED', 30),
    ('Sort and stock food donations', 'ana.lopes@demo.example', 'CONFIRMED', 29),
    ('Sort and stock food donations', 'fatima.tavares@demo.example', 'CONFIRMED', 27),
    ('Sort and stock food donations', 'ines.carvalho@demo.example', 'CONFIRMED', 26),
    ('Sort and stock food donations', 'martine.wagner@demo.example', 'CONFIRMED', 25),
    ('Drive the weekly food collection van', 'carlos.pereira@demo.example', 'CONFIRMED', 33),
    ('Drive the weekly food collection van', 'rui.silva@demo.example', 'CONFIRMED', 31),
    ('Build raised beds in the community garden', 'tom.hoffmann@demo.example', 'COMPLETED', 36),
    ('Build raised beds in the community garden', 'kevin.schroeder@demo.example', 'COMPLETED', 35),
    ('Repair café: fix small appliances', 'kevin.schroeder@demo.example', 'CONFIRMED', 30),
    ('Repair café: fix small appliances', 'yannick.hansen@demo.example', 'CONFIRMED', 28),
    ('Repair café: fix small appliances', 'lukas.becker@demo.example', 'CONFIRMED', 27),
    ('Accompagner les seniors sur smartphone', 'marco.rossi@demo.example', 'CONFIRMED', 22),
    ('Accompagner les seniors sur smartphone', 'jean.schmit@demo.example', 'CONFIRMED', 21),
    ('Tenir la comptabilité de l''épicerie solidaire', 'ana.lopes@demo.example', 'CONFIRMED', 38),
    ('Tenir la comptabilité de l''épicerie solidaire', 'laura.ricci@demo.example', 'CONFIRMED', 37),
    ('Cook with refugees', 'nadia.haddad@demo.example', 'CONFIRMED', 20),
    ('Cook with refugees', 'julien.marchal@demo.example', 'CONFIRMED', 19),
    ('Cook with refugees', 'camille.laurent@demo.example', 'CONFIRMED', 18),
    ('Cook with refugees', 'antoine.gerard@demo.example', 'CONFIRMED', 16),
    ('Cook with refugees', 'sebastien.klein@demo.example', 'WAITLISTED', 12),
    ('Cook with refugees', 'emilie.fischer@demo.example', 'WAITLISTED', 9),
    ('Mentorat : retour à l''emploi', 'sarah.thill@demo.example', 'CONFIRMED', 10),
    ('Mentorat : retour à l''emploi', 'camille.laurent@demo.example', 'CONFIRMED', 8),
    ('Website refresh for the animal shelter', 'sebastien.klein@demo.example', 'CONFIRMED', 36),
    ('Excel training for volunteers', 'laura.ricci@demo.example', 'CANCELLED', 15),
    ('Cuisiner le repas solidaire du samedi', 'ana.lopes@demo.example', 'CANCELLED', 11)
) as v (title, email, status, age_days)
join mission m on m.tenant_id = t.id and m.title = v.title
join employee e on e.tenant_id = t.id and e.email = v.email
where t.platform = 'LOCAL' and t.external_id = 'demo'
order by v.age_days desc, v.email;

-- Seats held (confirmed, pending approval or completed) and missions filled by them.
update mission m set seats_taken = (
    select count(*) from commitment c
    where c.tenant_id = m.tenant_id and c.mission_id = m.id and c.status in ('CONFIRMED', 'PENDING_APPROVAL', 'COMPLETED'))
where m.tenant_id = (select id from tenant where platform = 'LOCAL' and external_id = 'demo');

update mission set status = 'FULL'
where tenant_id = (select id from tenant where platform = 'LOCAL' and external_id = 'demo')
  and status = 'OPEN' and seats_taken = capacity;

-- Hours, on days already past, logged the evening after and decided (by a CSR manager or line
-- manager) two days later.
insert into hour_entry (tenant_id, commitment_id, employee_id, work_date, minutes, on_work_time, note, status,
                        decided_by, decided_at, created_at)
select t.id, c.id, e.id, d.work_date, v.minutes, v.on_work_time, v.note, v.status, a.id,
       case when v.status <> 'PENDING' then least(d.logged_at + interval '2 days', now()) end,
       d.logged_at
from tenant t
cross join lateral (select (now() at time zone t.time_zone)::date as today) w
cross join (values
    ('Sort and stock food donations', 'paulo.ferreira@demo.example', -2, 3, 180, true, 'APPROVED', 'martine.wagner@demo.example', 'Tri des dons frais et secs'),
    ('Sort and stock food donations', 'paulo.ferreira@demo.example', -1, 3, 180, true, 'PENDING', null, 'Mise en rayon et inventaire des frigos'),
    ('Sort and stock food donations', 'ana.lopes@demo.example', -2, 3, 180, true, 'APPROVED', 'sophie.muller@demo.example', 'Sorted dry goods and checked dates'),
    ('Sort and stock food donations', 'ana.lopes@demo.example', -1, 3, 180, true, 'APPROVED', 'sophie.muller@demo.example', 'Restocked the grocery shelves'),
    ('Sort and stock food donations', 'fatima.tavares@demo.example', -2, 3, 180, true, 'APPROVED', 'martine.wagner@demo.example', 'Tri et étiquetage'),
    ('Sort and stock food donations', 'fatima.tavares@demo.example', -1, 3, 180, true, 'APPROVED', 'martine.wagner@demo.example', 'Palettes de conserves'),
    ('Sort and stock food donations', 'ines.carvalho@demo.example', -2, 3, 150, true, 'APPROVED', 'sophie.muller@demo.example', 'Arrivée à 9h30'),
    ('Sort and stock food donations', 'ines.carvalho@demo.example', -1, 3, 180, true, 'PENDING', null, ''),
    ('Sort and stock food donations', 'martine.wagner@demo.example', -2, 3, 180, true, 'APPROVED', 'sophie.muller@demo.example', 'Tri + accueil de deux nouveaux bénévoles'),
    ('Sort and stock food donations', 'martine.wagner@demo.example', -1, 3, 180, true, 'PENDING', null, 'Tri des dons'),
    ('Drive the weekly food collection van', 'carlos.pereira@demo.example', -2, 1, 180, true, 'APPROVED', 'martine.wagner@demo.example', 'Tournée de collecte Esch et Belval'),
    ('Drive the weekly food collection van', 'carlos.pereira@demo.example', -1, 1, 210, true, 'APPROVED', 'martine.wagner@demo.example', 'Tournée plus longue, bouchons à Belval'),
    ('Drive the weekly food collection van', 'rui.silva@demo.example', -2, 1, 180, true, 'APPROVED', 'martine.wagner@demo.example', 'Copilote et déchargement'),
    ('Drive the weekly food collection van', 'rui.silva@demo.example', -1, 1, 180, true, 'PENDING', null, 'Collecte et déchargement'),
    ('Build raised beds in the community garden', 'tom.hoffmann@demo.example', -2, 4, 240, true, 'APPROVED', 'sophie.muller@demo.example', 'Montage de quatre bacs'),
    ('Build raised beds in the community garden', 'kevin.schroeder@demo.example', -2, 4, 240, true, 'APPROVED', 'sophie.muller@demo.example', 'Zwei Hochbeete gebaut'),
    ('Repair café: fix small appliances', 'kevin.schroeder@demo.example', -2, 5, 180, false, 'APPROVED', 'sophie.muller@demo.example', '3 grille-pain et un aspirateur réparés'),
    ('Repair café: fix small appliances', 'yannick.hansen@demo.example', -2, 5, 180, false, 'APPROVED', 'martine.wagner@demo.example', 'Vélos et une tondeuse'),
    ('Repair café: fix small appliances', 'lukas.becker@demo.example', -2, 5, 180, false, 'APPROVED', 'sophie.muller@demo.example', 'Zwei Laptops repariert'),
    ('Repair café: fix small appliances', 'lukas.becker@demo.example', -2, 5, 480, true, 'REJECTED', 'sophie.muller@demo.example', 'Ganzer Tag Repair Café'),
    ('Accompagner les seniors sur smartphone', 'marco.rossi@demo.example', -2, 2, 120, true, 'APPROVED', 'sophie.muller@demo.example', 'Helped four seniors set up video calls'),
    ('Accompagner les seniors sur smartphone', 'jean.schmit@demo.example', -1, 2, 120, true, 'PENDING', null, 'Atelier smartphone, 5 participants'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'ana.lopes@demo.example', -3, 0, 120, true, 'APPROVED', 'sophie.muller@demo.example', 'Saisie des factures du mois'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'ana.lopes@demo.example', -2, 2, 90, true, 'APPROVED', 'sophie.muller@demo.example', 'Rapprochement bancaire'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'ana.lopes@demo.example', -1, 0, 120, false, 'PENDING', null, 'Préparation de la clôture mensuelle'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'laura.ricci@demo.example', -3, 3, 150, true, 'APPROVED', 'martine.wagner@demo.example', 'Mise en place du plan comptable'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'laura.ricci@demo.example', -2, 3, 120, true, 'APPROVED', 'martine.wagner@demo.example', 'Budget avec la trésorière'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'laura.ricci@demo.example', -1, 1, 90, true, 'PENDING', null, 'Point mensuel avec la trésorière'),
    ('Website refresh for the animal shelter', 'sebastien.klein@demo.example', -2, 1, 120, false, 'APPROVED', 'sophie.muller@demo.example', 'Maquette de la page d''accueil'),
    ('Website refresh for the animal shelter', 'sebastien.klein@demo.example', -1, 3, 180, true, 'PENDING', null, 'Intégration de la galerie des animaux')
) as v (title, email, week, dow, minutes, on_work_time, status, approver, note)
join mission m on m.tenant_id = t.id and m.title = v.title
join employee e on e.tenant_id = t.id and e.email = v.email
join commitment c on c.tenant_id = t.id and c.mission_id = m.id and c.employee_id = e.id
                 and c.status in ('CONFIRMED', 'COMPLETED')
left join employee a on a.tenant_id = t.id and a.email = v.approver
cross join lateral (select case when v.week > 0
                 then (w.today + 2) + (((v.dow - extract(isodow from w.today + 2)::int + 1) + 7) % 7) + 7 * (v.week - 1)
                 else (w.today - 1) - (((extract(isodow from w.today - 1)::int - 1 - v.dow) + 7) % 7) - 7 * (-v.week - 1) end as work_date) d0
cross join lateral (select d0.work_date,
                           least(((d0.work_date + 1) + time '19:00') at time zone t.time_zone, now()) as logged_at) d
where t.platform = 'LOCAL' and t.external_id = 'demo'
order by d.logged_at, v.email;

-- A finished campaign (issue 12): the CSR team asks everyone to give two hours during their
-- "Semaine de l engagement", sent the day before the first commitment it brought, with its figures
-- (the campaign command, the report by campaign): everyone reached, the five who committed from it and three more clicked,
-- five commitments (repair café and the food bank's books) and the hours logged on them.
insert into campaign (tenant_id, name, message, audience, status, created_by, created_at, sent_at)
select t.id, 'Semaine de l''engagement',
       'Cette semaine, donnez deux heures à une association près de chez vous. Voici deux missions pour commencer.',
       'EVERYONE', 'SENT', e.id, x.first - interval '2 days', x.first - interval '1 day'
from tenant t
join employee e on e.tenant_id = t.id and e.email = 'sophie.muller@demo.example'
cross join lateral (select min(c.created_at) as first from commitment c
                    join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
                    where c.tenant_id = t.id
                      and m.title in ('Repair café: fix small appliances',
                                      'Tenir la comptabilité de l''épicerie solidaire')) x
where t.platform = 'LOCAL' and t.external_id = 'demo';

insert into campaign_mission (tenant_id, campaign_id, mission_id, position)
select k.tenant_id, k.id, m.id, v.position
from campaign k
join tenant t on t.id = k.tenant_id and t.platform = 'LOCAL' and t.external_id = 'demo'
cross join (values ('Repair café: fix small appliances', 0),
                   ('Tenir la comptabilité de l''épicerie solidaire', 1)) as v (title, position)
join mission m on m.tenant_id = k.tenant_id and m.title = v.title;

-- Delivered to every employee a few minutes after it went out.
insert into notification (tenant_id, employee_id, kind, dedupe_key, payload, created_at,
                          next_attempt_at, attempts, sent_at)
select k.tenant_id, e.id, 'CAMPAIGN', 'campaign:' || k.tenant_id || ':' || k.id || ':' || e.id,
       k.id::text, k.sent_at, k.sent_at, 1, k.sent_at + interval '5 minutes'
from campaign k
join tenant t on t.id = k.tenant_id and t.platform = 'LOCAL' and t.external_id = 'demo'
join employee e on e.tenant_id = k.tenant_id and e.is_employee;

insert into campaign_commitment (tenant_id, commitment_id, campaign_id)
select k.tenant_id, c.id, k.id
from campaign k
join tenant t on t.id = k.tenant_id and t.platform = 'LOCAL' and t.external_id = 'demo'
join commitment c on c.tenant_id = k.tenant_id
join mission m on m.tenant_id = c.tenant_id and m.id = c.mission_id
join employee e on e.tenant_id = c.tenant_id and e.id = c.employee_id
where (m.title, e.email) in (
    ('Repair café: fix small appliances', 'kevin.schroeder@demo.example'),
    ('Repair café: fix small appliances', 'yannick.hansen@demo.example'),
    ('Repair café: fix small appliances', 'lukas.becker@demo.example'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'ana.lopes@demo.example'),
    ('Tenir la comptabilité de l''épicerie solidaire', 'laura.ricci@demo.example'));

insert into campaign_click (tenant_id, campaign_id, employee_id, clicked_at)
select k.tenant_id, k.id, e.id, k.sent_at + interval '2 hours'
from campaign k
join tenant t on t.id = k.tenant_id and t.platform = 'LOCAL' and t.external_id = 'demo'
join employee e on e.tenant_id = k.tenant_id
where e.email in ('kevin.schroeder@demo.example', 'yannick.hansen@demo.example',
                  'lukas.becker@demo.example', 'ana.lopes@demo.example',
                  'laura.ricci@demo.example', 'jean.schmit@demo.example',
                  'marco.rossi@demo.example', 'tom.hoffmann@demo.example');
