using Microsoft.AspNetCore.Mvc;

namespace Tianxin.Registry.Features.Persons;

/// <summary>The registry's 409 answers, in Chinese and English.</summary>
public static class Problems
{
    public static ProblemDetails Conflict(string title, string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail };

    public static ProblemDetails ChangedMeanwhile() =>
        Conflict("记录已被他人修改，请刷新后重试 / The record changed meanwhile",
            "Someone changed this record after you read it. Read it again and repeat your change.");

    public static ProblemDetails Closed() =>
        Conflict("该记录已注销 / This record is closed",
            "The person died or moved out of the district; a closed record is kept but not changed.");

    public static ProblemDetails AlreadyRegistered() =>
        Conflict("该身份证号码已登记 / This ID number is already registered",
            "A person with this ID number exists. Find them by ID number instead of registering again.");
}
