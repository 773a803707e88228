-- What was once written into the shipped scripts 0001 and 0002 after they had run somewhere, moved here
-- so that every database gets it: databases that ran the first versions of 0001/0002 gain it now, and
-- those that ran the edited versions already have it, hence "if (not) exists" throughout.

-- Name search goes through search_terms (0002); the prefix index on the name was never used.
drop index if exists persons_name;

-- The facts person_facts derives, stored with the person at every change so that reads need not derive them.
alter table persons
    add column if not exists household_id    uuid   null,
    add column if not exists household_flags text[] not null default '{}';
create index if not exists persons_household on persons (household_id) where household_id is not null;
-- Persons of 60 or more not (yet) flagged 老残一体: where the periodic refresh looks for birthdays.
create index if not exists persons_not_yet_elderly on persons (birth_date) where not household_flags @> '{elderly_disabled}'::text[];

-- Rows stored before the columns existed get them now; a second run finds nothing to change.
update persons p set household_id = f.household_id, household_flags = f.household_flags
from person_facts f
where f.person_id = p.id
  and (p.household_id is distinct from f.household_id or p.household_flags is distinct from f.household_flags);

-- Imports keep the uploaded file (which holds ID numbers) only until it has been processed; a worker
-- proves it is alive with a heartbeat, and the role of who started the import is kept for its audit.
alter table imports
    alter column content drop not null,
    add column if not exists created_role text        null,
    add column if not exists heartbeat_at timestamptz null;
create index if not exists imports_waiting on imports (created_at) where status in ('queued', 'running');
