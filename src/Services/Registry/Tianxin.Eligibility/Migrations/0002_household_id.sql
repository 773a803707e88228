-- The household a person belongs to, so that a service can group members (employment's zero-employment
-- households, relief's education aid per household). Rows copied before this script have none until the
-- registry's next event about them (or a facts refresh) fills it in.
alter table eligibility_persons add column household_id uuid null;
create index eligibility_persons_household on eligibility_persons (household_id) where household_id is not null;
