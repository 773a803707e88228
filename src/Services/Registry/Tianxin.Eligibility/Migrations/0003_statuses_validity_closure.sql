-- What the registry's facts now carry beyond the flags in force: each household status with its dates, the
-- certificate's last valid day and the day a record was closed. Rows copied before stay without them until
-- the person's next event.
alter table eligibility_persons
    add column household_statuses      jsonb not null default '[]'::jsonb,
    add column certificate_valid_until date  null,
    add column closed_on               date  null;
