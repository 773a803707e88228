-- Operations a hospital performed on an assigned case (e.g. sight-restoring cataract surgery, 复明手术).
-- Once written into the shipped 0001 after it had run somewhere: databases that ran that version have the
-- table already, hence "if not exists".
create table if not exists operations (
    id             uuid        primary key,
    application_id uuid        not null references applications (id),
    performed_on   date        not null,
    kind           text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now()
);
create index if not exists operations_application on operations (application_id);
