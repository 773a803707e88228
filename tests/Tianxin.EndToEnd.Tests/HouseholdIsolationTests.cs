using System.Net;
using System.Net.Http.Json;

namespace Tianxin.EndToEnd.Tests;

/// <summary>A household may hold members of several communities of its street; each community's staff see and change only theirs.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HouseholdIsolationTests(PlatformFixture platform)
{
    [Fact]
    public async Task Community_staff_see_that_a_member_of_another_community_is_there_but_not_who_and_cannot_remove_them()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var xintian = await platform.StaffAsync("community-worker");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ours = await RegistryClient.RegisterAsync(yunan, "孙尚香", today.AddYears(-40));
        var theirs = await RegistryClient.RegisterAsync(yunan, "孙策", today.AddYears(-45), TestPeople.YunanStreetCommunity);
        using var created = await yunan.PostAsJsonAsync("/api/registry/households", new
        {
            communityCode = TestPeople.NewTianCommunity,
            members = new object[] { new { personId = theirs.Id, relationship = "head" }, new { personId = ours.Id, relationship = "sibling" } },
        });
        var household = (await created.Content.ReadFromJsonAsync<Household>())!;

        var seenByCommunity = (await xintian.GetFromJsonAsync<Household>($"/api/registry/households/{household.Id}"))!;
        using var replaced = await xintian.PutAsJsonAsync($"/api/registry/households/{household.Id}/members", new
        {
            members = new object[]
            {
                new { personId = ours.Id, relationship = "sibling" },
                new { name = "孙权", birthDate = today.AddYears(-42), relationship = "sibling" },
            },
        });
        using var naming = await xintian.PutAsJsonAsync($"/api/registry/households/{household.Id}/members", new
        {
            members = new object[] { new { personId = theirs.Id, relationship = "head" } },
        });
        var seenByStreet = (await yunan.GetFromJsonAsync<Household>($"/api/registry/households/{household.Id}"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hidden = Assert.Single(seenByCommunity.Members, m => m.OutsideYourArea);
        Assert.Equal((null, null, null, "head"), (hidden.PersonId, hidden.Name, hidden.BirthDate, hidden.Relationship));
        Assert.Contains(seenByCommunity.Members, m => m.PersonId == ours.Id && m.Name == "孙尚香" && !m.OutsideYourArea);
        // A registered member's birth year only: beside their masked ID number the date would give the hidden digits back.
        Assert.All(seenByStreet.Members.Where(m => m.PersonId is not null), m => Assert.Equal(((DateOnly?)null, true), (m.BirthDate, m.BirthYear > 1900)));
        Assert.Equal(today.AddYears(-42), seenByStreet.Members.Single(m => m.Name == "孙权").BirthDate);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, naming.StatusCode);
        Assert.Equal(["孙尚香", "孙权", "孙策"], seenByStreet.Members.Select(m => m.Name!).Order());
        Assert.DoesNotContain(seenByStreet.Members, m => m.OutsideYourArea);
    }

    private sealed record Member(Guid? PersonId, string? Name, DateOnly? BirthDate, int? BirthYear, string Relationship, bool OutsideYourArea);

    private sealed record Household(Guid Id, List<Member> Members);
}
