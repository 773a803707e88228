using System.Globalization;
using System.Security.Claims;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Certificates;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Imports;

public enum RowOutcome
{
    Imported,
    Unchanged,
    Rejected,
}

/// <summary>
/// Applies one import row by row, each row on its own, through the same registration and certificate rules
/// as the API. An import registers and issues; it never overwrites a record, so the same file imported
/// again changes nothing.
/// </summary>
public sealed class ImportProcessor(
    NpgsqlDataSource dataSource, PersonRegistration registration, CertificateRegistrar certificates, PersonStore store,
    PersonalDataProtector protector, TimeProvider clock, ILogger<ImportProcessor> logger)
{
    private const int ProgressEvery = 25;

    /// <summary>Rows one file may hold: a district's whole list fits, and a worker is not held for hours by one upload.</summary>
    public const int MaxRows = 50_000;

    public async Task ProcessAsync(ClaimedImport import, CancellationToken cancellationToken)
    {
        var actor = ActorOf(import);
        var counts = new Dictionary<RowOutcome, int> { [RowOutcome.Imported] = 0, [RowOutcome.Unchanged] = 0, [RowOutcome.Rejected] = 0 };
        var rows = ImportRows.Read(import.Content, import.FileName).Take(MaxRows + 1).ToList();
        if (rows.Count > MaxRows)
        {
            throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"文件超过{MaxRows}行，请分成多个文件导入 / The file has more than {MaxRows:N0} rows: split it into several files."));
        }
        await StepAsync(import, "update imports set total_rows = $3 where id = $1 and claim = $2", cancellationToken, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!await dataSource.Command("select exists (select 1 from imports where id = $1 and claim = $2)", import.Id, import.Claim)
                    .ScalarAsync<bool>(cancellationToken))
            {
                throw new ImportTakenOverException(import.Id);
            }
            var (outcome, errors) = await ApplySafelyAsync(rows[i], actor, cancellationToken);
            counts[outcome]++;
            if (outcome == RowOutcome.Rejected)
            {
                await RecordRejectionAsync(import, rows[i].RowNumber, errors, cancellationToken);
            }
            if ((i + 1) % ProgressEvery == 0 || i == rows.Count - 1)
            {
                await StepAsync(import,
                    "update imports set processed = $3, imported = $4, unchanged = $5, rejected = $6, heartbeat_at = now() where id = $1 and claim = $2",
                    cancellationToken, i + 1, counts[RowOutcome.Imported], counts[RowOutcome.Unchanged], counts[RowOutcome.Rejected]);
            }
        }
    }

    /// <summary>A step of this worker's claim ($1 the import, $2 the claim): none when another worker has claimed it since.</summary>
    private async Task StepAsync(ClaimedImport import, string update, CancellationToken cancellationToken, params object[] values)
    {
        if (await dataSource.Command(update, [import.Id, import.Claim, .. values]).ExecuteAsync(cancellationToken) == 0)
        {
            throw new ImportTakenOverException(import.Id);
        }
    }

    /// <summary>A row that fails unexpectedly is rejected with a generic reason; the rest of the file goes on.</summary>
    private async Task<(RowOutcome Outcome, Dictionary<string, string[]> Errors)> ApplySafelyAsync(ImportRow row, Actor actor,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(row, actor, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Import row {Row} failed unexpectedly", row.RowNumber);
            return (RowOutcome.Rejected, Error("row", "该行无法处理，请检查后重试 / This row could not be processed; check it and import it again."));
        }
    }

    public async Task<(RowOutcome Outcome, Dictionary<string, string[]> Errors)> ApplyAsync(ImportRow row, Actor actor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new RegisterPersonRequest(row.IdNumber, row.Name, row.Phone, row.Address, row.CommunityCode);
        var (idNumber, _) = await registration.ValidateAsync(request, actor, errors, cancellationToken);
        var certificate = ParseCertificate(row, errors);
        if (errors.Count > 0 || idNumber is null)
        {
            return (RowOutcome.Rejected, errors);
        }

        var existing = await store.FindByIdNumberAsync(protector.BlindIndex(idNumber.Value, PersonRow.IdNumberPurpose), actor.Scope, cancellationToken);
        if (existing?.Certificate is { } held)
        {
            return held.Category == certificate.Category && held.Grade == certificate.Grade
                ? (RowOutcome.Unchanged, errors)
                : (RowOutcome.Rejected, Error("category", "已持有不同类别或等级的有效证件，请办理重新评定 / Holds a valid certificate of another category or grade: re-assess it instead."));
        }
        if (existing is null)
        {
            var registered = await registration.RegisterAsync(request, actor, cancellationToken);
            switch (registered.Failure)
            {
                case null:
                    existing = registered.Value;
                    break;
                case Failure.Invalid invalid:
                    return (RowOutcome.Rejected, invalid.Errors.ToDictionary());
                default:
                    return (RowOutcome.Rejected, Error("idNumber", "该身份证号码已登记 / This ID number is already registered."));
            }
        }
        var issued = await certificates.IssueAsync(existing.Id, certificate, actor, cancellationToken);
        return issued.Failure switch
        {
            null => (RowOutcome.Imported, errors),
            Failure.Invalid invalid => (RowOutcome.Rejected, invalid.Errors.ToDictionary(e => e.Key == "on" ? "issuedOn" : e.Key, e => e.Value)),
            Failure.Conflict conflict => (RowOutcome.Rejected, Error("category", conflict.Title)),
            _ => (RowOutcome.Rejected, Error("idNumber", "该残疾人不在您的辖区内 / This person is outside your area.")),
        };
    }

    private CertificateRequest ParseCertificate(ImportRow row, Dictionary<string, string[]> errors)
    {
        var category = int.TryParse(row.Category, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var grade = int.TryParse(row.Grade, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : (int?)null;
        if (!DisabilityCategories.IsCategory(category))
        {
            errors["category"] = ["残疾类别应为1至7 / The category is 1 to 7."];
        }
        if (!DisabilityCategories.IsGrade(grade))
        {
            errors["grade"] = ["残疾等级应为1至4 / The grade is 1 to 4."];
        }
        var issuedOn = DateOnly.TryParseExact(row.IssuedOn?.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        if (issuedOn is null || issuedOn > clock.TodayInChina())
        {
            errors["issuedOn"] = ["发证日期应为不晚于今天的日期，如2024-01-15 / The day of issue is a date not after today, e.g. 2024-01-15."];
        }
        return new CertificateRequest(category, grade, issuedOn, null);
    }

    private Task RecordRejectionAsync(ClaimedImport import, int rowNumber, Dictionary<string, string[]> errors, CancellationToken cancellationToken) =>
        dataSource.Command(
            """
            insert into import_rejections (import_id, row_number, field, reason)
            select $1, $2, field, reason from unnest($3::text[], $4::text[]) as r(field, reason)
            where exists (select 1 from imports where id = $1 and claim = $5)
            on conflict do nothing
            """, import.Id, rowNumber, errors.Keys.ToArray(), errors.Values.Select(reasons => string.Join(" ", reasons)).ToArray(), import.Claim)
            .ExecuteAsync(cancellationToken);

    private static Dictionary<string, string[]> Error(string field, string reason) => new() { [field] = [reason] };

    /// <summary>The import acts as the staff member who uploaded it, within the area they had then.</summary>
    private static Actor ActorOf(ClaimedImport import)
    {
        var claims = new List<Claim> { new(Callers.PreferredUserName, import.CreatedBy), new(PlatformClaims.Area, import.AreaCode) };
        if (import.CreatedRole is { } role)
        {
            claims.Add(new Claim(PlatformClaims.Role, role));
        }
        return new Actor(import.CreatedBy, new ClaimsPrincipal(new ClaimsIdentity(claims, "import")),
            new AreaScope(AreaCode.TryParse(import.AreaCode)!), null);
    }
}
