namespace Tianxin.BuildingBlocks.Outcomes;

/// <summary>
/// Why a use case did not do what was asked, in words for the caller (zh-CN first, then English). REST and
/// gRPC translate each kind the same way everywhere (<see cref="OutcomeHttp"/>, <see cref="OutcomeGrpc"/>).
/// </summary>
public abstract record Failure(string Title)
{
    /// <summary>The request's fields are wrong: 400 with field errors, INVALID_ARGUMENT with google.rpc.BadRequest.</summary>
    /// <param name="Errors">camelCase field names, as the REST body spells them.</param>
    public sealed record Invalid(string Title, IReadOnlyDictionary<string, string[]> Errors) : Failure(Title);

    /// <summary>No such record within the caller's reach (another area's records are "not found" too): 404, NOT_FOUND.</summary>
    public sealed record NotFound(string Title) : Failure(Title);

    /// <summary>The record's state forbids it now (already decided, budget spent): 409, FAILED_PRECONDITION.</summary>
    /// <param name="Rule">A stable machine name for the rule that refused it (e.g. before_approval), when callers branch on it.</param>
    public sealed record Conflict(string Title, string? Detail = null, string? Rule = null) : Failure(Title);

    /// <summary>The thing exists already (a second open application, a second payment for a period): 409, ALREADY_EXISTS.</summary>
    public sealed record Duplicate(string Title, string? Detail = null) : Failure(Title);

    /// <summary>The caller is signed in but may not do this (no area on the token, not their case): 403, PERMISSION_DENIED.</summary>
    public sealed record Forbidden(string Title) : Failure(Title);

    public static Invalid Field(string field, string message, string title = "请求有误 / The request has errors") =>
        new(title, new Dictionary<string, string[]> { [field] = [message] });

    public static Invalid Fields(IReadOnlyDictionary<string, string[]> errors, string title = "请求有误 / The request has errors") =>
        new(title, errors);

    public static Conflict ChangedMeanwhile { get; } = new("记录已被他人修改，请刷新后重试 / The record changed meanwhile",
        "Someone changed this record after you read it. Read it again and repeat your change.");

    public static NotFound Missing { get; } = new("没有此记录 / No such record");

    public static Forbidden NoArea { get; } = new("令牌未带有效辖区 / The token carries no valid area");
}
