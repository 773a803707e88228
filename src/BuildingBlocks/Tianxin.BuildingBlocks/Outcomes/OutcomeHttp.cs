using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tianxin.BuildingBlocks.Outcomes;

/// <summary>RFC 7807 answers for failures: the one mapping every REST endpoint uses.</summary>
public static class OutcomeHttp
{
    public static async Task<Results<TOk, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> ToHttp<T, TOk>(
        this Task<Outcome<T>> outcome, Func<T, TOk> ok) where TOk : IResult =>
        (await outcome).ToHttp(ok);

    public static Results<TOk, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult> ToHttp<T, TOk>(
        this Outcome<T> outcome, Func<T, TOk> ok) where TOk : IResult =>
        outcome.Failure switch
        {
            null => ok(outcome.Value),
            Failure.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: invalid.Title),
            Failure.NotFound notFound => TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, notFound.Title, null)),
            Failure.Conflict conflict => TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, conflict.Title, conflict.Detail, conflict.Rule)),
            Failure.Duplicate duplicate => TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, duplicate.Title, duplicate.Detail)),
            Failure.Forbidden => TypedResults.Forbid(),
            var other => throw new InvalidOperationException($"No HTTP answer for {other.GetType().Name}."),
        };

    private static ProblemDetails Problem(int status, string title, string? detail, string? rule = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null)
        {
            problem.Extensions["rule"] = rule;
        }
        return problem;
    }
}
