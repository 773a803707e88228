using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Registry changes reach another service's copy of the eligibility facts, once, through real RabbitMQ and PostgreSQL.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryEventsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_reassessed_certificate_changes_the_rehabilitation_copy_and_a_redelivered_event_changes_nothing()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "孙尚香", TestPeople.RareBirthDate());
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var issue = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/persons/{person.Id}/certificates")
        {
            Content = JsonContent.Create(new { category = 5, grade = 3, on = "2024-02-01" }),
        };
        issue.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var issued = await yunan.SendAsync(issue);
        var holder = (await issued.Content.ReadFromJsonAsync<PersonAnswer>())!;
        await WaitForCopyAsync(person.Id, copy => copy.Category == 5 && copy.Grade == 3);

        using var reassessed = await yunan.PostAsJsonAsync($"/api/registry/certificates/{holder.Certificate!.Id}/reassessment",
            new { category = 7, grade = 1, on = "2025-04-01" });
        var afterReassessment = await WaitForCopyAsync(person.Id, copy => copy.Category == 7 && copy.Grade == 1);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the first delivery's spans be exported
        var consumerSpansBefore = RehabilitationSpans(traceId);

        // Redeliver the older "issued" event: the relay publishes the same row, with the same message id, again.
        await using var registry = await OpenAsync("registry-db");
        await using var republish = new NpgsqlCommand(
            """
            update outbox_messages set sent_at = null, next_attempt_at = now()
            where message_type like '%CertificateChanged%' and payload ->> 'certificateId' = $1
            """, registry);
        republish.Parameters.AddWithValue(holder.Certificate.Id.ToString());
        Assert.Equal(1, await republish.ExecuteNonQueryAsync());
        await Testing.Wait.UntilAsync(() => Task.FromResult(RehabilitationSpans(traceId) > consumerSpansBefore), TimeSpan.FromSeconds(30),
            () => "The rehabilitation service never received the redelivered event");
        await using var rehabilitation = await OpenAsync("rehabilitation-db");
        var afterRedelivery = await ReadCopyAsync(rehabilitation, person.Id);

        Assert.True(consumerSpansBefore > 0);
        Assert.Equal(afterReassessment, afterRedelivery);
    }

    private int RehabilitationSpans(string traceId) =>
        platform.Otlp.Spans.Count(span => span.TraceId == traceId && span.Service == "rehabilitation");

    [Fact]
    public async Task Household_statuses_and_the_special_groups_derived_from_the_household_reach_the_copy()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var elder = await RegistryClient.RegisterAsync(yunan, "黄月英", today.AddYears(-67));
        var son = await RegistryClient.RegisterAsync(yunan, "诸葛瞻", today.AddYears(-35));
        await RegistryClient.IssueAsync(yunan, elder.Id, category: 1, grade: 2);
        await RegistryClient.IssueAsync(yunan, son.Id, category: 5, grade: 1);

        using var created = await yunan.PostAsJsonAsync("/api/registry/households", new
        {
            communityCode = TestPeople.NewTianCommunity,
            members = new object[]
            {
                new { personId = elder.Id, relationship = "head" },
                new { personId = son.Id, relationship = "child" },
                new { name = "诸葛均", birthDate = today.AddYears(-70), relationship = "sibling", isCarer = true },
            },
        });
        var household = (await created.Content.ReadFromJsonAsync<HouseholdAnswer>())!;
        using var status = await yunan.PostAsJsonAsync($"/api/registry/households/{household.Id}/statuses",
            new { status = "minimum_living", effectiveFrom = today.AddMonths(-2), source = "区民政局低保名单" });
        var withStatus = (await status.Content.ReadFromJsonAsync<HouseholdAnswer>())!;
        var found = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?flag=elderly_carer&name=zgz&pageSize=500");

        Assert.Equal(["elderly_carer", "elderly_disabled", "multiple_disabled"], household.SpecialGroups);
        Assert.Contains(withStatus.Statuses, s => s.Status == "minimum_living" && s.InForce);
        Assert.Contains(found!.Items, p => p.Id == son.Id);
        var copy = await WaitForCopyAsync(son.Id, copy => copy.HouseholdFlags.Contains("minimum_living"));
        Assert.Equal(["minimum_living", "elderly_carer", "multiple_disabled"], copy.HouseholdFlags);
        var elderCopy = await WaitForCopyAsync(elder.Id, copy => copy.HouseholdFlags.Contains("minimum_living"));
        Assert.Contains("elderly_disabled", elderCopy.HouseholdFlags);

        // The son dies: the household no longer has two disabled members, and the elder's copy says so.
        using var closed = await yunan.PostAsJsonAsync($"/api/registry/persons/{son.Id}/closure", new { reason = "deceased", on = today.AddDays(-1) });
        Assert.Equal(System.Net.HttpStatusCode.OK, closed.StatusCode);
        await WaitForCopyAsync(elder.Id, copy => !copy.HouseholdFlags.Contains("multiple_disabled"));
    }

    [Fact]
    public async Task Turning_sixty_is_published_by_the_periodic_refresh_and_reaches_the_copy()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "廖化", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-59).AddMonths(-6));
        await RegistryClient.IssueAsync(yunan, person.Id, category: 4, grade: 3);
        await WaitForCopyAsync(person.Id, copy => copy.Category == 4 && copy.HouseholdFlags.Length == 0);

        // Time passes: the same person a year and a half later.
        await using (var registry = await OpenAsync("registry-db"))
        await using (var age = new NpgsqlCommand("update persons set birth_date = birth_date - interval '1 year' where id = $1", registry))
        {
            age.Parameters.AddWithValue(person.Id);
            await age.ExecuteNonQueryAsync();
        }
        using var refresh = await platform.Operator.PostAsync("/api/registry/admin/facts/refresh", null);
        var after = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}");

        Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(["elderly_disabled"], after!.HouseholdFlags!);
        await WaitForCopyAsync(person.Id, copy => copy.HouseholdFlags.SequenceEqual(["elderly_disabled"]));
    }

    private async Task<EligibilityCopy> WaitForCopyAsync(Guid personId, Func<EligibilityCopy, bool> condition)
    {
        await using var rehabilitation = await OpenAsync("rehabilitation-db");
        EligibilityCopy? copy = null;
        await Testing.Wait.UntilAsync(async () => (copy = await ReadCopyAsync(rehabilitation, personId)) is { } c && condition(c),
            TimeSpan.FromSeconds(30), () => $"The rehabilitation copy never reached the expected facts: {copy}");
        return copy!;
    }

    private static async Task<EligibilityCopy?> ReadCopyAsync(NpgsqlConnection connection, Guid personId)
    {
        await using var select = new NpgsqlCommand(
            "select category, grade, household_flags, facts_version from eligibility_persons where person_id = $1", connection);
        select.Parameters.AddWithValue(personId);
        await using var reader = await select.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new EligibilityCopy(reader.IsDBNull(0) ? null : reader.GetInt16(0), reader.IsDBNull(1) ? null : reader.GetInt16(1),
                string.Join(",", reader.GetFieldValue<string[]>(2)), reader.GetInt64(3))
            : null;
    }

    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    private sealed record EligibilityCopy(int? Category, int? Grade, string HouseholdFlagsText, long Version)
    {
        public string[] HouseholdFlags => HouseholdFlagsText.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed record HouseholdStatusAnswer(Guid Id, string Status, bool InForce);

    private sealed record HouseholdAnswer(Guid Id, List<string> SpecialGroups, List<HouseholdStatusAnswer> Statuses);
}
