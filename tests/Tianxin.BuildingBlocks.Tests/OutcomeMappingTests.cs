using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.BuildingBlocks.Tests;

/// <summary>One failure, the same meaning in REST and in gRPC.</summary>
public sealed class OutcomeMappingTests
{
    public static TheoryData<Failure, int, StatusCode> Failures() => new()
    {
        { Failure.Field("amount", "too much"), StatusCodes.Status400BadRequest, StatusCode.InvalidArgument },
        { Failure.Missing, StatusCodes.Status404NotFound, StatusCode.NotFound },
        { new Failure.Conflict("budget spent", "left 0", "budget"), StatusCodes.Status409Conflict, StatusCode.FailedPrecondition },
        { new Failure.Duplicate("paid already"), StatusCodes.Status409Conflict, StatusCode.AlreadyExists },
        { Failure.NoArea, StatusCodes.Status403Forbidden, StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_has_its_http_status_and_its_grpc_code(Failure failure, int http, StatusCode grpc)
    {
        Outcome<string> outcome = failure;

        var result = outcome.ToHttp(value => TypedResults.Ok(value)).Result;

        Assert.Equal(http, result switch
        {
            IStatusCodeHttpResult { StatusCode: { } code } => code,
            ForbidHttpResult => StatusCodes.Status403Forbidden,
            _ => throw new InvalidOperationException(result.GetType().Name),
        });
        Assert.Equal(grpc, Assert.Throws<RpcException>(() => outcome.ToGrpc(value => value)).StatusCode);
    }

    [Fact]
    public void Field_errors_reach_rest_by_name_and_grpc_as_bad_request_violations()
    {
        Outcome<string> outcome = Failure.Field("amountPerCase", "三位小数 / three decimals");

        var problem = Assert.IsType<ValidationProblem>(outcome.ToHttp(value => TypedResults.Ok(value)).Result);
        var error = Assert.Throws<RpcException>(() => outcome.ToGrpc(value => value));

        Assert.Equal(["amountPerCase"], problem.ProblemDetails.Errors.Keys);
        Assert.Contains("amount_per_case", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_names_its_rule_in_both()
    {
        Outcome<string> outcome = new Failure.Conflict("日期早于批准日期 / Before approval", null, "before_approval");

        var problem = Assert.IsType<Conflict<ProblemDetails>>(outcome.ToHttp(value => TypedResults.Ok(value)).Result);

        Assert.Equal("before_approval", problem.Value!.Extensions["rule"]);
        Assert.StartsWith("before_approval:", Assert.Throws<RpcException>(() => outcome.ToGrpc(value => value)).Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_passes_through_and_chains()
    {
        Outcome<int> outcome = 41;

        Assert.Equal("42", outcome.Map(value => (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value);
        Assert.Throws<InvalidOperationException>(() => ((Outcome<int>)Failure.Missing).Value);
    }
}
