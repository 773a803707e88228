using Tianxin.BuildingBlocks;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>Why a delivery was refused: a field (INVALID_ARGUMENT), the case's state (FAILED_PRECONDITION) or no such case of yours.</summary>
public abstract record DeliveryResult
{
    public sealed record Done(Application Case) : DeliveryResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : DeliveryResult;
    public sealed record NotAllowed(string Rule, string Message) : DeliveryResult;
    public sealed record NotYours : DeliveryResult;
}

/// <summary>What contracted institutions record about the cases assigned to them.</summary>
public sealed class Delivery(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private const decimal MaxCost = 1_000_000m;

    private DateOnly Today => clock.TodayInChina();

    public Task<List<Application>> AssignedAsync(string institution, string status, CancellationToken cancellationToken) =>
        dataSource.Command($"{Application.Select} where a.institution = $1 and a.status = $2 order by a.decided_on, a.id", institution, status)
            .ReadAllAsync(Application.Read, cancellationToken);

    public async Task<DeliveryResult> RecordSessionAsync(string institution, Guid caseId, DateOnly? heldOn, string? kind, int minutes,
        string? therapist, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(heldOn, "heldOn", errors);
        if (string.IsNullOrWhiteSpace(kind) || !PlainText.IsValid(kind, 50))
        {
            errors["kind"] = ["请填写康复类型（不超过50字） / Give the kind of session."];
        }
        if (minutes is < 1 or > 600)
        {
            errors["minutes"] = ["时长应为1至600分钟 / A session lasts 1 to 600 minutes."];
        }
        if (string.IsNullOrWhiteSpace(therapist) || !PlainText.IsValid(therapist, 50))
        {
            errors["therapist"] = ["请填写康复师 / Give the therapist."];
        }
        return await InServiceAsync(institution, caseId, heldOn, errors, cancellationToken, async (application, transaction) =>
        {
            await transaction.Command(
                "insert into service_sessions (id, application_id, held_on, kind, minutes, therapist, recorded_by) values ($1, $2, $3, $4, $5, $6, $7)",
                Guid.CreateVersion7(), application.Id, heldOn, kind!.Trim(), minutes, therapist!.Trim(), institution).ExecuteAsync(cancellationToken);
            return null;
        });
    }

    public async Task<DeliveryResult> RecordDevicesAsync(string institution, Guid caseId, string? deviceType, int count, decimal? cost,
        DateOnly? fittedOn, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(fittedOn, "fittedOn", errors);
        if (string.IsNullOrWhiteSpace(deviceType) || !PlainText.IsValid(deviceType, 50))
        {
            errors["deviceType"] = ["请填写辅具类型 / Give the device type."];
        }
        if (count is < 1 or > 50)
        {
            errors["count"] = ["数量应为1至50 / The count is 1 to 50."];
        }
        if (cost is not { } yuan || yuan < 0 || yuan > MaxCost || decimal.Round(yuan, 2) != yuan)
        {
            errors["cost"] = ["费用应为0至100万元，最多两位小数 / The cost is 0 to 1,000,000 yuan, in fen."];
        }
        return await InServiceAsync(institution, caseId, fittedOn, errors, cancellationToken, async (application, transaction) =>
        {
            await transaction.Command(
                """
                insert into device_fittings (id, application_id, device_type, count, cost, fitted_on, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, Guid.CreateVersion7(), application.Id, deviceType!.Trim(), count, cost, fittedOn, institution).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new DevicesFitted(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, deviceType.Trim(), count, cost!.Value, fittedOn!.Value, clock.GetUtcNow()), cancellationToken);
            return null;
        });
    }

    public async Task<DeliveryResult> RecordOperationAsync(string hospital, Guid caseId, DateOnly? performedOn, string? kind,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(performedOn, "performedOn", errors);
        if (string.IsNullOrWhiteSpace(kind) || !PlainText.IsValid(kind, 50))
        {
            errors["kind"] = ["请填写手术类型 / Give the kind of operation."];
        }
        return await InServiceAsync(hospital, caseId, performedOn, errors, cancellationToken, async (application, transaction) =>
        {
            await transaction.Command(
                "insert into operations (id, application_id, performed_on, kind, recorded_by) values ($1, $2, $3, $4, $5)",
                Guid.CreateVersion7(), application.Id, performedOn, kind!.Trim(), hospital).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new OperationDone(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, kind.Trim(), performedOn!.Value, clock.GetUtcNow()), cancellationToken);
            return null;
        });
    }

    /// <summary>Completion spends at most the approved amount; what is not spent returns to the programme's budget.</summary>
    public async Task<DeliveryResult> CompleteAsync(string institution, Guid caseId, DateOnly? completedOn, string? outcome, decimal? spent,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(completedOn, "completedOn", errors);
        if (string.IsNullOrWhiteSpace(outcome) || !PlainText.IsValid(outcome, 500))
        {
            errors["outcome"] = ["请填写康复结果（不超过500字） / Give the outcome."];
        }
        if (spent is { } yuan && (yuan < 0 || decimal.Round(yuan, 2) != yuan))
        {
            errors["spent"] = ["实际费用应为非负金额，最多两位小数 / The amount spent is not negative, in fen."];
        }
        return await InServiceAsync(institution, caseId, completedOn, errors, cancellationToken, async (application, transaction) =>
        {
            var paid = spent ?? application.Amount;
            if (paid > application.Amount)
            {
                return new DeliveryResult.Invalid(new() { ["spent"] = ["实际费用不能超过批准金额 / More than the approved amount."] });
            }
            await transaction.Command(
                """
                update applications set status = 'completed', completed_on = $2, outcome = $3, spent = $4, version = version + 1 where id = $1
                """, application.Id, completedOn, outcome!.Trim(), paid).ExecuteAsync(cancellationToken);
            await transaction.Command(
                "update programmes set committed = committed - $2 + $3, spent = spent + $3 where id = $1",
                application.ProgrammeId, application.Amount, paid).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ServiceCompleted(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, application.Sessions, paid, outcome.Trim(), completedOn!.Value, clock.GetUtcNow()), cancellationToken);
            return null;
        });
    }

    public async Task<(Guid? Id, Dictionary<string, string[]> Errors)> RecordScreeningAsync(string hospital, string? programmeCode, int year,
        string? place, DateOnly? heldOn, int peopleScreened, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        CheckDate(heldOn, "heldOn", errors);
        var programme = await dataSource.Command("select id from programmes where code = $1 and year = $2 and $3 = any(institutions)",
                programmeCode ?? "", year, hospital)
            .ReadAllAsync(reader => reader.GetGuid(0), cancellationToken);
        if (programme.Count == 0)
        {
            errors["programmeCode"] = ["该年度没有贵院承担的此项目 / No such programme of that year contracted to you."];
        }
        if (string.IsNullOrWhiteSpace(place) || !PlainText.IsValid(place, 100))
        {
            errors["place"] = ["请填写筛查地点 / Give the place."];
        }
        if (peopleScreened is < 1 or > 100_000)
        {
            errors["peopleScreened"] = ["筛查人数应为1至100000 / 1 to 100,000 people."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await transaction.Command(
            "insert into screenings (id, programme_id, place, held_on, people_screened, recorded_by) values ($1, $2, $3, $4, $5, $6)",
            id, programme[0], place!.Trim(), heldOn, peopleScreened, hospital).ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new ScreeningHeld(id, programmeCode!, year, place.Trim(), heldOn!.Value, peopleScreened,
            clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (id, errors);
    }

    private void CheckDate(DateOnly? date, string field, Dictionary<string, string[]> errors)
    {
        if (date is not { } day || day > Today)
        {
            errors[field] = ["日期格式为 yyyy-MM-dd，不能晚于今天 / A date (yyyy-MM-dd) not after today."];
        }
    }

    /// <summary>The case, locked, must be assigned to this institution, approved, and the date not before its approval.</summary>
    private async Task<DeliveryResult> InServiceAsync(string institution, Guid caseId, DateOnly? on, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken, Func<Application, NpgsqlTransaction, Task<DeliveryResult?>> record)
    {
        if (errors.Count > 0)
        {
            return new DeliveryResult.Invalid(errors);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await transaction.Command("select institution from applications where id = $1 for update", caseId)
            .ReadAllAsync(reader => reader.NullableString(0), cancellationToken);
        if (locked is not [{ } assigned] || assigned != institution)
        {
            return new DeliveryResult.NotYours();
        }
        var application = await transaction.Command($"{Application.Select} where a.id = $1", caseId)
            .ReadFirstOrDefaultAsync(Application.Read, cancellationToken);
        if (application!.Status != "approved")
        {
            return new DeliveryResult.NotAllowed("status", "该个案已结案，不能再记录 / The case is completed: nothing more can be recorded.");
        }
        if (on < application.DecidedOn)
        {
            return new DeliveryResult.NotAllowed("before_approval", "日期早于批准日期 / The date is before the case was approved.");
        }
        if (await record(application, transaction) is { } refused)
        {
            return refused;
        }
        await transaction.CommitAsync(cancellationToken);
        return new DeliveryResult.Done((await Application.FindAsync(dataSource, caseId, cancellationToken))!);
    }
}
