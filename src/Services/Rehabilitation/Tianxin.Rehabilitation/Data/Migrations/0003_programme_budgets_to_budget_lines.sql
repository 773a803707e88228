-- Programme budgets move to the shared budget lines (funding.0001, migrated before this script): one line
-- per programme, with the programme's id, carrying what it had committed and spent. The CHECKs of
-- budget_lines keep the rule "never overspent" that the programmes' columns kept.
insert into budget_lines (id, programme, year, budget, committed, spent, updated_by, updated_at)
select id, code, year, budget, committed, spent, updated_by, updated_at from programmes
on conflict (id) do nothing;

alter table programmes drop column budget, drop column committed, drop column spent;
