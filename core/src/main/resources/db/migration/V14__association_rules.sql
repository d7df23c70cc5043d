-- Associations as a real company registers them (issue 11): a legal identifier of a known kind,
-- a website, archiving, and two keys that refuse duplicates per tenant even when two CSR managers
-- register the same association at the same moment.
--
-- The keys are computed here, by the database, for every insert and rename (also the demo data's,
-- imports' and benchmarks' plain SQL inserts), so Java never has a second definition of them:
--   folded_name: the name folded (lower case, no accents, no punctuation) without legal forms;
--   legal_key:   the register and its number, alphanumerics only (a SIRET by its SIREN).

alter table association
    add column legal_id_kind text
        check (legal_id_kind in ('FR_RNA', 'FR_SIREN', 'FR_SIRET', 'LU_RCS', 'BE', 'DE')),
    add column website       text,
    add column archived_at   timestamptz,
    add column folded_name   text,
    add column legal_key     text;

-- Dots go without a space, so "a.s.b.l." and "e.V." meet "asbl" and "eV"; other punctuation is a
-- space. Accents without the unaccent extension (not every PostgreSQL has contrib): the Latin letters of
-- French, German, Luxembourgish and their neighbours, upper and lower case, to ASCII lower case.
create function association_fold(name text) returns text
    language sql immutable parallel safe as
$$
select coalesce(nullif(stripped, ''), folded)
from (select folded,
             btrim(regexp_replace(regexp_replace(folded,
                   '\m(association|asbl|aisbl|vzw|ev|verein|ggmbh|gemeinnutziger|gemeinnutzige)\M',
                   ' ', 'g'), ' +', ' ', 'g')) as stripped
      from (select btrim(regexp_replace(
                       lower(translate(
                           replace(replace(replace(replace(replace(replace(
                               coalesce(name, ''), 'ß', 'ss'), 'œ', 'oe'), 'Œ', 'oe'),
                               'æ', 'ae'), 'Æ', 'ae'), '.', ''),
                           'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšŢŤŦţťŧÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŶŸýÿŷŹŻŽźżž',
                           'aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz')),
                       '[^a-z0-9]+', ' ', 'g')) as folded) f) s
$$;

-- A SIREN and the SIRETs of its establishments are one legal person: they share a key.
create function association_legal_key(kind text, value text) returns text
    language sql immutable parallel safe as
$$
select case
           when kind is null or value is null or btrim(value) = '' then null
           when kind = 'FR_SIRET'
               then 'FR_SIREN:' || left(regexp_replace(value, '[^0-9]', '', 'g'), 9)
           else kind || ':' || upper(regexp_replace(value, '[^A-Za-z0-9]', '', 'g'))
       end
$$;

-- Rows written in plain SQL (the demo data, older imports) may name a register number without its
-- kind: the shapes that cannot be mistaken are recognised; anything else stays without a kind.
create function association_keys() returns trigger
    language plpgsql as
$$
begin
    if new.legal_id_kind is null and new.registration_id is not null then
        new.legal_id_kind := case
            when new.registration_id ~ '^\s*[Ww]\s*\d{9}\s*$' then 'FR_RNA'
            when new.registration_id ~ '^\s*[Ff]\s*\d{1,8}\s*$' then 'LU_RCS'
            when new.registration_id ~ '^\s*0?\d{3}\.\d{3}\.\d{3}\s*$' then 'BE'
            end;
    end if;
    if tg_op = 'INSERT' or new.name is distinct from old.name then
        new.folded_name := association_fold(new.name);
    end if;
    if tg_op = 'INSERT' or new.registration_id is distinct from old.registration_id
        or new.legal_id_kind is distinct from old.legal_id_kind then
        new.legal_key := association_legal_key(new.legal_id_kind, new.registration_id);
    end if;
    return new;
end
$$;

-- Existing rows get the same keys; should two of a tenant already fold alike (or share a number),
-- the younger keeps a key of its own (its id appended) rather than the migration failing. The
-- trigger comes after, and recomputes a key only when what it is made of changes.
update association
set legal_id_kind = case
        when registration_id ~ '^\s*[Ww]\s*\d{9}\s*$' then 'FR_RNA'
        when registration_id ~ '^\s*[Ff]\s*\d{1,8}\s*$' then 'LU_RCS'
        when registration_id ~ '^\s*0?\d{3}\.\d{3}\.\d{3}\s*$' then 'BE'
        end;
update association
set folded_name = association_fold(name),
    legal_key   = association_legal_key(legal_id_kind, registration_id);
update association a
set folded_name = a.folded_name || ' #' || a.id
from (select id, row_number() over (partition by tenant_id, folded_name order by id) as n
      from association) d
where d.id = a.id and d.n > 1;
update association a
set legal_key = a.legal_key || ' #' || a.id
from (select id, row_number() over (partition by tenant_id, legal_key order by id) as n
      from association where legal_key is not null) d
where d.id = a.id and d.n > 1;
create trigger association_keys before insert or update on association
    for each row execute function association_keys();

alter table association alter column folded_name set not null;
create unique index association_folded_name_uq on association (tenant_id, folded_name);
create unique index association_legal_key_uq on association (tenant_id, legal_key)
    where legal_key is not null;
-- Searches by prefix of the folded name.
create index association_folded_prefix_idx on association (tenant_id, folded_name text_pattern_ops);

-- A form set aside while another is filled: the mission form, with what was typed, while its new
-- association is registered; taken up again afterwards. Its owner's only; a day old, it is gone.
create table parked_form (
    token       text        primary key,
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    employee_id bigint      not null,
    form_id     text        not null,
    content     jsonb       not null,
    created_at  timestamptz not null default now()
);
create index parked_form_created_idx on parked_form (created_at);
