using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;

namespace Tianxin.Registry.Features.Persons;

/// <param name="IdNumber">居民身份证号码, 18 characters; birth date and sex are derived from it.</param>
/// <param name="Name">Chinese name; minority names with the middle dot ·.</param>
/// <param name="Phone">Mainland mobile (13812345678) or landline (0731-85551234).</param>
/// <param name="CommunityCode">The community or village (12 digits) the person lives in, within the caller's area.</param>
public sealed record RegisterPersonRequest(string? IdNumber, string? Name, string? Phone, string? Address, string? CommunityCode);

public static partial class RegisterPerson
{
    public static RouteGroupBuilder MapRegisterPerson(this RouteGroupBuilder persons)
    {
        persons.MapPost("/", HandleAsync)
            .RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("登记残疾人 Register a disabled resident");
        return persons;
    }

    public static async Task<Results<Created<PersonView>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ForbidHttpResult>> HandleAsync(
        RegisterPersonRequest request, ClaimsPrincipal user, HttpContext http, PersonStore store, NpgsqlDataSource dataSource, Outbox outbox,
        PersonalDataProtector protector, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var errors = new Dictionary<string, string[]>();
        var idNumber = ResidentIdNumber.Parse(request.IdNumber, clock);
        if (!idNumber.IsValid)
        {
            errors["idNumber"] = [idNumber.Message];
        }
        var name = request.Name?.Trim() ?? string.Empty;
        if (!ChineseName().IsMatch(name))
        {
            errors["name"] = ["姓名应为2至30个汉字，少数民族姓名可含“·” / A name is 2 to 30 Chinese characters, with · in minority names."];
        }
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (phone is not null && !PhoneNumber().IsMatch(phone))
        {
            errors["phone"] = ["电话应为11位手机号或区号加座机号 / A phone is an 11-digit mobile or an area code and landline number."];
        }
        var address = string.IsNullOrWhiteSpace(request.Address) ? null : request.Address.Trim();
        if (address is { Length: > 200 })
        {
            errors["address"] = ["地址不超过200字 / An address has at most 200 characters."];
        }
        var community = request.CommunityCode?.Trim() ?? string.Empty;
        if (!await store.IsCommunityAsync(community, cancellationToken))
        {
            errors["communityCode"] = ["社区代码不存在 / No community or village has this code."];
        }
        else if (!scope.Covers(community))
        {
            errors["communityCode"] = ["该社区不在您的辖区内 / This community is outside your area."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "登记信息有误 / The registration has errors");
        }

        var number = idNumber.Number!;
        var row = new PersonRow(Guid.CreateVersion7(), protector.Encrypt(number.Value, PersonRow.IdNumberPurpose), name,
            number.Sex == Sex.Male ? "male" : "female", number.BirthDate, phone, address, community, "active", 1);
        var actor = Callers.NameOf(user)!;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = new NpgsqlCommand(
                """
                insert into persons (id, id_number_cipher, id_number_index, name, sex, birth_date, phone, address, community_code, created_by, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
                """, connection, transaction);
            foreach (var value in new object?[] { row.Id, row.IdNumberCipher, protector.BlindIndex(number.Value, PersonRow.IdNumberPurpose),
                         row.Name, row.Sex, row.BirthDate, row.Phone, row.Address, row.CommunityCode, actor })
            {
                insert.Parameters.AddWithValue(value ?? DBNull.Value);
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new PersonRegistered(row.Id, row.BirthDate, row.Sex, row.CommunityCode, clock.GetUtcNow()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "该身份证号码已登记 / This ID number is already registered",
                Detail = "A person with this ID number exists. Find them by ID number instead of registering again.",
            });
        }
        await audit.RecordAsync(actor, user, http.Connection.RemoteIpAddress?.ToString(),
            new AuditEvent(AuditActions.PersonalDataChanged, $"person:{row.Id}", "registered"), cancellationToken);
        return TypedResults.Created($"/persons/{row.Id}", row.View(protector, Disclosure.Masked));
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}·]{0,28}[\p{IsCJKUnifiedIdeographs}]$")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhoneNumber();
}
