using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Households;

/// <summary>
/// Households, their members and statuses. Every change publishes <see cref="HouseholdChanged"/> with the
/// new facts of each registered member, since statuses and special groups are theirs.
/// </summary>
public sealed class HouseholdRegistrar(NpgsqlDataSource dataSource, PersonStore store, RegistryChanges changes)
{
    private static readonly string[] Relationships = ["head", "spouse", "child", "parent", "sibling", "grandparent", "grandchild", "other"];
    private static readonly string[] Statuses = ["registered_poor", "minimum_living", "extreme_poverty"];

    /// <summary>A member as a change writes it.</summary>
    private sealed record NewMember(Guid Id, Guid? PersonId, string Name, DateOnly BirthDate, string Relationship, bool IsCarer);

    public async Task<(HouseholdView? Household, Dictionary<string, string[]>? Errors)> CreateAsync(HouseholdRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var community = request.CommunityCode?.Trim() ?? string.Empty;
        if (!await store.IsCommunityAsync(community, cancellationToken) || !actor.Scope.Covers(community))
        {
            errors["communityCode"] = ["社区代码不存在或不在您的辖区内 / No community in your area has this code."];
        }
        if (request.Address is not null && !PlainText.IsValid(request.Address, 200))
        {
            errors["address"] = ["地址不超过200字，不含控制字符 / An address has at most 200 characters, without control characters."];
        }
        var members = await ValidateMembersAsync(request.Members, community, actor, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var id = Guid.CreateVersion7();
        if (await RunAsync(async transaction =>
            {
                await transaction.Command("insert into households (id, community_code, address, created_by) values ($1, $2, $3, $4)",
                    id, community, request.Address?.Trim(), actor.Name).ExecuteAsync(cancellationToken);
                await LockAsync(transaction, id, members, cancellationToken);
                await InsertMembersAsync(transaction, id, members, cancellationToken);
                await PublishAsync(transaction, id, "members_changed", null, changes.Today, actor, cancellationToken);
                await changes.AuditChangeAsync(transaction, actor, $"household:{id}", "created", cancellationToken);
            }, cancellationToken) is { } conflict)
        {
            return (null, conflict);
        }
        return (await FindAsync(id, actor.Scope, cancellationToken), null);
    }

    public async Task<(HouseholdView? Household, Dictionary<string, string[]>? Errors)> ReplaceMembersAsync(Guid id,
        IReadOnlyList<MemberRequest?>? requested, Actor actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, actor.Scope, cancellationToken) is not { } household)
        {
            return (null, null);
        }
        var errors = new Dictionary<string, string[]>();
        var kept = household.Members.Where(m => m.OutsideYourArea).ToList();
        var members = await ValidateMembersAsync(requested, household.CommunityCode, actor, errors, cancellationToken, householdId: id, kept);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (await RunAsync(async transaction =>
            {
                await LockAsync(transaction, id, members, cancellationToken);
                // Decided under the lock by where each member lives, not by the rows read before it, which a change may have replaced.
                var leaving = await transaction.Command(
                        """
                        delete from household_members m
                        where m.household_id = $1
                          and not exists (select 1 from persons p where p.id = m.person_id and p.community_code not like $2)
                        returning m.person_id
                        """, id, actor.Scope.Area.LikePattern)
                    .ReadAllAsync(reader => reader.Nullable<Guid>("person_id"), cancellationToken);
                await InsertMembersAsync(transaction, id, members, cancellationToken);
                await PublishAsync(transaction, id, "members_changed", null, changes.Today, actor, cancellationToken,
                    leaving.OfType<Guid>());
                await changes.AuditChangeAsync(transaction, actor, $"household:{id}", "members_changed", cancellationToken);
            }, cancellationToken) is { } conflict)
        {
            return (null, conflict);
        }
        return (await FindAsync(id, actor.Scope, cancellationToken), null);
    }

    public async Task<(HouseholdView? Household, Dictionary<string, string[]>? Errors)> RecordStatusAsync(Guid id, StatusRequest request,
        Actor actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, actor.Scope, cancellationToken) is null)
        {
            return (null, null);
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Status is null || !Statuses.Contains(request.Status))
        {
            errors["status"] = ["状态应为 registered_poor（建档立卡）、minimum_living（低保）或 extreme_poverty（特困） / Unknown status."];
        }
        if (request.EffectiveFrom is null)
        {
            errors["effectiveFrom"] = ["请填写生效日期 / Give the day the status starts."];
        }
        if (request.EffectiveTo is { } to && to < request.EffectiveFrom)
        {
            errors["effectiveTo"] = ["终止日期不能早于生效日期 / The status cannot end before it starts."];
        }
        if (string.IsNullOrWhiteSpace(request.Source) || !PlainText.IsValid(request.Source, 200))
        {
            errors["source"] = ["请填写来源（不超过200字），如民政局名单 / Give the source, in at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        await changes.RunAsync(async transaction =>
        {
            await LockAsync(transaction, id, [], cancellationToken);
            await transaction.Command(
                """
                insert into household_statuses (id, household_id, status, effective_from, effective_to, source, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, Guid.CreateVersion7(), id, request.Status, request.EffectiveFrom, request.EffectiveTo, request.Source!.Trim(), actor.Name)
                .ExecuteAsync(cancellationToken);
            await PublishAsync(transaction, id, "status_recorded", request.Status, request.EffectiveFrom!.Value, actor, cancellationToken);
            await changes.AuditChangeAsync(transaction, actor, $"household:{id}", "status_recorded", cancellationToken);
            return id;
        }, cancellationToken);
        return (await FindAsync(id, actor.Scope, cancellationToken), null);
    }

    public async Task<(HouseholdView? Household, Dictionary<string, string[]>? Errors)> EndStatusAsync(Guid id, Guid statusId,
        DateOnly? effectiveTo, Actor actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, actor.Scope, cancellationToken) is not { } household
            || household.Statuses.FirstOrDefault(s => s.Id == statusId) is not { } status)
        {
            return (null, null);
        }
        if (effectiveTo is not { } to || to < status.EffectiveFrom)
        {
            return (null, new() { ["effectiveTo"] = ["终止日期不能早于生效日期 / The status cannot end before it starts."] });
        }
        await changes.RunAsync(async transaction =>
        {
            await LockAsync(transaction, id, [], cancellationToken);
            await transaction.Command("update household_statuses set effective_to = $2 where id = $1", statusId, to).ExecuteAsync(cancellationToken);
            await PublishAsync(transaction, id, "status_ended", status.Status, to, actor, cancellationToken);
            await changes.AuditChangeAsync(transaction, actor, $"household:{id}", "status_ended", cancellationToken);
            return id;
        }, cancellationToken);
        return (await FindAsync(id, actor.Scope, cancellationToken), null);
    }

    public async Task<HouseholdView?> FindAsync(Guid id, AreaScope scope, CancellationToken cancellationToken)
    {
        var household = await dataSource.Command("select community_code, address from households where id = $1 and community_code like $2",
                id, scope.Area.LikePattern)
            .ReadAllAsync(reader => (Community: reader.Get<string>("community_code"), Address: reader.NullableString("address")), cancellationToken);
        if (household.Count == 0)
        {
            return null;
        }
        var members = await dataSource.Command(
                """
                select m.id, m.person_id, m.name, m.birth_date, m.relationship, m.is_carer, p.community_code not like $2 as outside
                from household_members m left join persons p on p.id = m.person_id
                where m.household_id = $1 order by m.relationship <> 'head', m.birth_date
                """, id, scope.Area.LikePattern)
            .ReadAllAsync(reader => (Outside: reader.Nullable<bool>("outside") is true, Registered: reader.Nullable<Guid>("person_id")) switch
            {
                (true, _) => new MemberView(reader.Get<Guid>("id"), null, null, null, null, reader.Get<string>("relationship"), reader.Get<bool>("is_carer"),
                    OutsideYourArea: true),
                (false, var person) => new MemberView(reader.Get<Guid>("id"), person, reader.Get<string>("name"),
                    person is null ? reader.Get<DateOnly>("birth_date") : null, reader.Get<DateOnly>("birth_date").Year, reader.Get<string>("relationship"),
                    reader.Get<bool>("is_carer"), OutsideYourArea: false),
            }, cancellationToken);
        var statuses = await dataSource.Command(
                """
                select id, status, effective_from, effective_to, source,
                       effective_from <= china_today() and (effective_to is null or effective_to >= china_today()) as in_force
                from household_statuses where household_id = $1 order by effective_from
                """, id)
            .ReadAllAsync(reader => new StatusView(reader.Get<Guid>("id"), reader.Get<string>("status"), reader.Get<DateOnly>("effective_from"),
                reader.Nullable<DateOnly>("effective_to"), reader.Get<string>("source"), reader.Get<bool>("in_force")), cancellationToken);
        var groups = await dataSource.Command(
                """
                select distinct flag from persons p, unnest(p.household_flags) flag
                where p.household_id = $1 and flag in ('elderly_carer', 'multiple_disabled', 'elderly_disabled', 'alone')
                order by flag
                """, id)
            .ReadAllAsync(reader => reader.Get<string>("flag"), cancellationToken);
        return new HouseholdView(id, household[0].Community, household[0].Address, members, statuses, groups);
    }

    /// <summary>
    /// Registered members must live in the household's street, so that its staff never see another street's persons, and
    /// in the caller's area. Members the caller cannot see (<paramref name="kept"/>) stay, and count in the household's rules.
    /// </summary>
    private async Task<List<NewMember>> ValidateMembersAsync(IReadOnlyList<MemberRequest?>? requested, string communityCode, Actor actor,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken, Guid? householdId = null, IReadOnlyList<MemberView>? kept = null)
    {
        var members = new List<NewMember>();
        kept ??= [];
        if (requested is not { Count: > 0 and <= 30 })
        {
            errors["members"] = ["家庭应有1至30名成员 / A household has 1 to 30 members."];
            return members;
        }
        for (var i = 0; i < requested.Count; i++)
        {
            var field = $"members[{i}]";
            if (requested[i] is not { } member)
            {
                errors[field] = ["成员不能为空 / A member cannot be empty."];
                continue;
            }
            if (member.Relationship is null || !Relationships.Contains(member.Relationship))
            {
                errors[$"{field}.relationship"] = [$"关系应为 {string.Join("、", Relationships)} 之一 / Unknown relationship."];
            }
            if (member.PersonId is { } personId)
            {
                if (await store.FindAsync(personId, actor.Scope, cancellationToken) is not { } person)
                {
                    errors[$"{field}.personId"] = ["您的辖区内没有该残疾人 / No such person in your area."];
                    continue;
                }
                if (person.HouseholdId is { } other && other != householdId)
                {
                    errors[$"{field}.personId"] = ["该残疾人已属于另一个家庭 / This person belongs to another household."];
                }
                else if (communityCode.Length >= 9 && person.CommunityCode[..9] != communityCode[..9])
                {
                    errors[$"{field}.personId"] = ["该残疾人住在另一街道 / This person lives in another street."];
                }
                members.Add(new NewMember(Guid.CreateVersion7(), personId, person.Name, person.BirthDate, member.Relationship ?? "other",
                    member.IsCarer ?? false));
                continue;
            }
            if (string.IsNullOrWhiteSpace(member.Name) || !PlainText.IsValid(member.Name.Trim(), 30))
            {
                errors[$"{field}.name"] = ["请填写姓名（不超过30字） / Give the name, in at most 30 characters."];
            }
            if (member.BirthDate is not { } birthDate || birthDate > changes.Today || birthDate.Year < 1900)
            {
                errors[$"{field}.birthDate"] = ["出生日期应在1900年至今天之间 / The birth date is between 1900 and today."];
            }
            members.Add(new NewMember(Guid.CreateVersion7(), null, member.Name?.Trim() ?? "", member.BirthDate ?? default,
                member.Relationship ?? "other", member.IsCarer ?? false));
        }
        if (members.Count(m => m.Relationship == "head") + kept.Count(m => m.Relationship == "head") > 1)
        {
            errors["members"] = ["一个家庭只有一名户主 / A household has one head."];
        }
        if (members.All(m => m.PersonId is null) && kept.Count == 0)
        {
            errors["members"] = ["家庭中至少有一名已登记的残疾人 / At least one member is a registered disabled person."];
        }
        if (members.Where(m => m.PersonId is not null).GroupBy(m => m.PersonId).Any(g => g.Count() > 1))
        {
            errors["members"] = ["同一残疾人不能重复列入 / A person is listed twice."];
        }
        return members;
    }

    /// <summary>The household row first, then its persons in id order, as every change to persons locks.</summary>
    private async Task LockAsync(NpgsqlTransaction transaction, Guid householdId, IEnumerable<NewMember> incoming,
        CancellationToken cancellationToken)
    {
        await transaction.Command("select id from households where id = $1 for update", householdId).ExecuteAsync(cancellationToken);
        var persons = await transaction.Command("select person_id from household_members where household_id = $1 and person_id is not null",
                householdId)
            .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
        await transaction.Command("select id from persons where id = any($1) order by id for update",
                persons.Concat(incoming.Select(m => m.PersonId).OfType<Guid>()).Distinct().ToArray())
            .ExecuteAsync(cancellationToken);
    }

    /// <returns>Null when done; field errors when a registered member joined another household meanwhile.</returns>
    private async Task<Dictionary<string, string[]>?> RunAsync(Func<NpgsqlTransaction, Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await changes.RunAsync(async transaction =>
            {
                await change(transaction);
                return true;
            }, cancellationToken);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "household_members_person")
        {
            return new() { ["members"] = ["有成员刚被登记到另一个家庭 / A member was just added to another household."] };
        }
    }

    private static async Task InsertMembersAsync(NpgsqlTransaction transaction, Guid householdId, List<NewMember> members,
        CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            await transaction.Command(
                """
                insert into household_members (id, household_id, person_id, name, birth_date, relationship, is_carer)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, member.Id, householdId, member.PersonId, member.Name, member.BirthDate, member.Relationship, member.IsCarer)
                .ExecuteAsync(cancellationToken);
        }
    }

    /// <param name="leaving">Registered persons who left the household: their facts change too.</param>
    private async Task PublishAsync(NpgsqlTransaction transaction, Guid householdId, string change, string? status, DateOnly effectiveOn,
        Actor actor, CancellationToken cancellationToken, IEnumerable<Guid>? leaving = null)
    {
        var registered = await transaction.Command("select person_id from household_members where household_id = $1 and person_id is not null",
                householdId)
            .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
        var affected = registered.Concat(leaving ?? []).ToList();
        foreach (var personId in affected)
        {
            await changes.RecordHistoryAsync(transaction, personId, "household_" + change, new { householdId, status, effectiveOn }, actor.Name,
                cancellationToken);
        }
        var facts = await changes.NewFactsAsync(transaction, affected, cancellationToken);
        await changes.PublishAsync(transaction, new HouseholdChanged(householdId, change, status, effectiveOn, facts, changes.Now), cancellationToken);
    }
}
