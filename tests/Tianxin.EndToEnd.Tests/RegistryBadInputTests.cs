using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Tianxin.Protos.Registry.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Bad input gets 400 or INVALID_ARGUMENT naming the field, never a 500, over REST and gRPC alike.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryBadInputTests(PlatformFixture platform)
{
    public static TheoryData<string, int, int, string> BadCertificates => new()
    {
        { "2024-01-01", 8, 2, "category" },
        { "2024-01-01", 0, 2, "category" },
        { "2024-01-01", 4, 0, "grade" },
        { "2024-01-01", 4, 5, "grade" },
        { "2099-01-01", 4, 2, "on" },
        { "1850-01-01", 4, 2, "on" },
        { "2013-01-01", 4, 2, "on" }, // valid ten years, so already expired
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public async Task Bad_certificates_are_refused_over_rest_and_grpc(string on, int category, int grade, string field)
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "魏延", TestPeople.RareBirthDate());

        using var rest = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/certificates", new { category, grade, on });
        var grpc = await Assert.ThrowsAsync<RpcException>(async () => await Client().IssueCertificateAsync(
            new IssueCertificateRequest { PersonId = person.Id.ToString(), Category = category, Grade = grade, IssuedOn = on },
            await StaffHeadersAsync()));

        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        Assert.Contains(field, (await rest.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
        Assert.Equal(StatusCode.InvalidArgument, grpc.StatusCode);
        Assert.Contains(field == "on" ? "issued_on" : field, RegistryClient.FieldViolations(grpc));
    }

    [Fact]
    public async Task Bad_registrations_over_grpc_name_the_field()
    {
        var valid = TestPeople.NewIdNumber(new DateOnly(1991, 2, 3));
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var future = TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2));
        var cases = new (RegisterPersonRequest Request, string Field)[]
        {
            (new() { IdNumber = wrongCheck, Name = "王五", CommunityCode = TestPeople.NewTianCommunity }, "id_number"),
            (new() { IdNumber = future, Name = "王五", CommunityCode = TestPeople.NewTianCommunity }, "id_number"),
            (new() { IdNumber = valid, Name = "王五", CommunityCode = "430103999999" }, "community_code"),
            (new() { IdNumber = valid, Name = new string('王', 200), CommunityCode = TestPeople.NewTianCommunity }, "name"),
            (new() { IdNumber = valid, Name = "'; DROP TABLE persons;--", CommunityCode = TestPeople.NewTianCommunity }, "name"),
            (new() { IdNumber = valid, Name = "<script>alert(1)</script>", CommunityCode = TestPeople.NewTianCommunity }, "name"),
        };
        var headers = await StaffHeadersAsync();
        foreach (var (request, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client().RegisterPersonAsync(request, headers));
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Contains(field, RegistryClient.FieldViolations(refused));
        }
    }

    [Fact]
    public async Task A_person_registered_over_grpc_comes_back_masked_with_the_birth_year_only()
    {
        var born = TestPeople.RareBirthDate();
        var idNumber = TestPeople.NewIdNumber(born);

        var person = await Client().RegisterPersonAsync(new RegisterPersonRequest { IdNumber = idNumber, Name = "马良", CommunityCode = TestPeople.NewTianCommunity },
            await StaffHeadersAsync());

        Assert.Equal((idNumber[..6] + "********" + idNumber[14..], "", born.Year), (person.IdNumber, person.BirthDate, person.BirthYear));
    }

    [Fact]
    public async Task Control_characters_and_members_from_another_street_are_refused_without_a_500()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var district = await platform.StaffAsync("district-officer");
        var person = await RegistryClient.RegisterAsync(yunan, "孟达", TestPeople.RareBirthDate());
        var elsewhere = await RegistryClient.RegisterAsync(district, "孟获", TestPeople.RareBirthDate(), TestPeople.QingyuanCommunity);

        using var address = await yunan.PutAsJsonAsync($"/api/registry/persons/{person.Id}",
            new { name = "孟达", address = "裕南街\u00001号", communityCode = TestPeople.NewTianCommunity, version = 1 });
        using var household = await district.PostAsJsonAsync("/api/registry/households", new
        {
            communityCode = TestPeople.NewTianCommunity,
            members = new object?[] { new { personId = person.Id, relationship = "head" }, new { personId = elsewhere.Id, relationship = "spouse" }, null },
        });

        Assert.Equal(HttpStatusCode.BadRequest, address.StatusCode);
        Assert.Contains("address", (await address.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, household.StatusCode);
        Assert.Equal(["members[1].personId", "members[2]"], (await household.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys.Order());
    }

    [Fact]
    public async Task Bad_searches_are_refused_field_by_field()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");

        foreach (var (query, field) in new[]
                 {
                     ("category=8", "category"), ("grade=0", "grade"), ("flag=rich", "flag"), ("area=430103006", "area"),
                     ("sort=idNumber", "sort"), ("pageSize=100000", "pageSize"),
                 })
        {
            using var response = await yunan.GetAsync($"/api/registry/persons?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
        }
    }

    private RegistryService.RegistryServiceClient Client() => new(platform.GatewayGrpc);

    private async Task<Metadata> StaffHeadersAsync() =>
        new() { { "Authorization", "Bearer " + await platform.StaffTokenAsync("yunan-staff") } };
}
