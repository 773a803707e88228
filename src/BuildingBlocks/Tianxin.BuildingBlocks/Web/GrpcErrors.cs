using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>The gRPC side of RFC 7807 field errors: INVALID_ARGUMENT with a google.rpc.BadRequest detail.</summary>
public static partial class GrpcErrors
{
    /// <param name="errors">Field errors as REST reports them (camelCase names); the detail names proto fields (snake_case).</param>
    public static RpcException InvalidArgument(string message, IReadOnlyDictionary<string, string[]> errors)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(errors.SelectMany(error => error.Value.Select(description =>
            new BadRequest.Types.FieldViolation { Field = SnakeCase(error.Key), Description = description })));
        var details = string.Join("; ", errors.Select(error => $"{SnakeCase(error.Key)}: {string.Join(" ", error.Value)}"));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"{message} ({details})",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    public static RpcException Status(StatusCode code, string message) => new(new Grpc.Core.Status(code, message));

    private static string SnakeCase(string name) => UpperCase().Replace(name, match => "_" + match.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
