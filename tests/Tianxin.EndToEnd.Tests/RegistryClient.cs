using System.Net;
using System.Net.Http.Json;
using Grpc.Core;

namespace Tianxin.EndToEnd.Tests;

/// <summary>The registry steps many tests begin with, through the gateway.</summary>
public static class RegistryClient
{
    public static async Task<PersonAnswer> RegisterAsync(HttpClient staff, string name, DateOnly birthDate, string community = TestPeople.NewTianCommunity)
    {
        using var response = await staff.PostAsJsonAsync("/api/registry/persons",
            new { idNumber = TestPeople.NewIdNumber(birthDate), name, communityCode = community });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PersonAnswer>())!;
    }

    public static async Task<PersonAnswer> IssueAsync(HttpClient staff, Guid personId, int category, int grade, string on = "2024-01-15")
    {
        using var response = await staff.PostAsJsonAsync($"/api/registry/persons/{personId}/certificates", new { category, grade, on });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PersonAnswer>())!;
    }

    /// <summary>The fields a gRPC INVALID_ARGUMENT names in its google.rpc.BadRequest detail.</summary>
    public static IReadOnlyList<string> FieldViolations(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
