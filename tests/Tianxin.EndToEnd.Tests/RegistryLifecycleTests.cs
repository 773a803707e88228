using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Npgsql;
using Tianxin.Protos.Registry.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Certificates, changes with history, closure, duplicates and search, through the gateway as street staff.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryLifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Street_staff_register_issue_a_certificate_and_find_the_person_by_pinyin_initials_and_by_certificate_number()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "司马相如", TestPeople.RareBirthDate());

        using var issued = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/certificates",
            new { category = 4, grade = 2, on = "2024-05-06" });
        var holder = (await issued.Content.ReadFromJsonAsync<PersonAnswer>())!;
        var byInitials = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=smxr&pageSize=500");
        var byPartialName = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=相如&category=4&severe=true&pageSize=500");
        var byOtherGrade = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=smxr&grade=4&pageSize=500");
        var idNumber = (await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=核对证件"))!.IdNumber;
        using var lookUp = await yunan.PostAsJsonAsync("/api/registry/persons/lookup", new { certificateNumber = idNumber + "42" });
        using var wrongGrade = await yunan.PostAsJsonAsync("/api/registry/persons/lookup", new { certificateNumber = idNumber + "43" });

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal(4, holder.Certificate!.Category);
        Assert.True(holder.Certificate.Severe);
        Assert.Equal(new DateOnly(2034, 5, 6), holder.Certificate.ValidUntil);
        Assert.EndsWith("42", holder.Certificate.Number, StringComparison.Ordinal);
        Assert.Contains("********", holder.Certificate.Number, StringComparison.Ordinal);
        Assert.Contains(byInitials!.Items, p => p.Id == person.Id);
        Assert.Contains(byPartialName!.Items, p => p.Id == person.Id);
        Assert.DoesNotContain(byOtherGrade!.Items, p => p.Id == person.Id);
        Assert.Single((await lookUp.Content.ReadFromJsonAsync<List<PersonAnswer>>())!, p => p.Id == person.Id);
        Assert.Empty((await wrongGrade.Content.ReadFromJsonAsync<List<PersonAnswer>>())!);
    }

    [Fact]
    public async Task A_person_holds_one_valid_certificate_and_a_reassessment_supersedes_it_keeping_the_history()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "刘备", TestPeople.RareBirthDate());
        var first = await RegistryClient.IssueAsync(yunan, person.Id, category: 1, grade: 3);

        using var second = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/certificates", new { category = 2, grade = 1, on = "2025-01-02" });
        using var reassessed = await yunan.PostAsJsonAsync($"/api/registry/certificates/{first.Certificate!.Id}/reassessment",
            new { category = 1, grade = 1, on = "2025-02-03" });
        using var again = await yunan.PostAsJsonAsync($"/api/registry/certificates/{first.Certificate.Id}/reassessment",
            new { category = 1, grade = 2, on = "2025-02-04" });
        var after = (await reassessed.Content.ReadFromJsonAsync<PersonAnswer>())!;
        var history = await yunan.GetFromJsonAsync<List<HistoryAnswer>>($"/api/registry/persons/{person.Id}/history");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reassessed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.NotEqual(first.Certificate.Id, after.Certificate!.Id);
        Assert.Equal((1, 1), (after.Certificate.Category, after.Certificate.Grade));
        Assert.Equal(["registered", "certificate_issued", "certificate_reassessed"], history!.Select(h => h.Change));
    }

    [Fact]
    public async Task Details_change_with_history_and_a_stale_version_is_refused_and_another_street_cannot_change_the_record()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var qingyuan = await platform.StaffAsync("qingyuan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "赵云", TestPeople.RareBirthDate());
        var change = new { name = "赵子龙", phone = "0731-85551234", address = "裕南街2号", communityCode = TestPeople.YunanStreetCommunity, version = 1 };

        using var fromOtherStreet = await qingyuan.PutAsJsonAsync($"/api/registry/persons/{person.Id}", change);
        using var changed = await yunan.PutAsJsonAsync($"/api/registry/persons/{person.Id}", change);
        using var stale = await yunan.PutAsJsonAsync($"/api/registry/persons/{person.Id}", change with { name = "赵云" });
        var history = await yunan.GetFromJsonAsync<List<HistoryAnswer>>($"/api/registry/persons/{person.Id}/history");
        var after = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}");

        Assert.Equal(HttpStatusCode.NotFound, fromOtherStreet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(("赵子龙", 2, TestPeople.YunanStreetCommunity), (after!.Name, after.Version, after.CommunityCode));
        Assert.DoesNotContain("85551234", string.Join(" ", history!.Select(h => h.Details.ToString())), StringComparison.Ordinal);
        var entry = history!.Single(h => h.Change == "details_changed");
        Assert.Equal("赵云", entry.Details.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("赵子龙", entry.Details.GetProperty("after").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_death_closes_the_record_and_its_certificate_and_a_closed_record_is_kept_but_not_changed()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "关羽", TestPeople.RareBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 6, grade: 2);

        using var future = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/closure",
            new { reason = "deceased", on = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) });
        using var closed = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/closure", new { reason = "deceased", on = "2025-03-01" });
        using var change = await yunan.PutAsJsonAsync($"/api/registry/persons/{person.Id}",
            new { name = "关云长", communityCode = TestPeople.NewTianCommunity, version = 2 });
        var after = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}");
        var active = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=关羽&pageSize=500");
        var deceased = await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=关羽&status=deceased&pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal("deceased", after!.Status);
        Assert.Null(after.Certificate);
        Assert.DoesNotContain(active!.Items, p => p.Id == person.Id);
        Assert.Contains(deceased!.Items, p => p.Id == person.Id);
    }

    [Fact]
    public async Task The_same_name_and_birth_date_in_the_same_community_is_flagged_as_a_probable_duplicate_for_review()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var birthDate = TestPeople.RareBirthDate();
        var first = await RegistryClient.RegisterAsync(yunan, "诸葛亮", birthDate);
        var second = await RegistryClient.RegisterAsync(yunan, "诸葛亮", birthDate);

        var reviews = await yunan.GetFromJsonAsync<List<DuplicateAnswer>>("/api/registry/persons/duplicates");
        var review = reviews!.Single(r => r.PersonId == second.Id);
        using var decided = await yunan.PostAsJsonAsync($"/api/registry/persons/duplicates/{review.Id}/decision", new { decision = "distinct" });
        var afterReview = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{second.Id}");

        Assert.Equal([first.Id], second.PossibleDuplicateOf);
        Assert.Equal((first.Id, "same_name_birth_date_community"), (review.SimilarTo, review.Reason));
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Empty(afterReview!.PossibleDuplicateOf!);
    }

    [Fact]
    public async Task A_probable_duplicate_in_another_community_is_the_streets_to_review_and_its_id_never_shown_to_the_community()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var xintian = await platform.StaffAsync("community-worker");
        var birthDate = TestPeople.RareBirthDate();
        var first = await RegistryClient.RegisterAsync(yunan, "夏侯惇", birthDate, TestPeople.YunanStreetCommunity);
        var second = await RegistryClient.RegisterAsync(xintian, "夏侯德", birthDate); // the same initials, birth date and street

        var seenByCommunity = await xintian.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{second.Id}");
        var communityReviews = await xintian.GetFromJsonAsync<List<DuplicateAnswer>>("/api/registry/persons/duplicates");
        var seenByStreet = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{second.Id}");
        var streetReviews = await yunan.GetFromJsonAsync<List<DuplicateAnswer>>("/api/registry/persons/duplicates");
        var review = streetReviews!.Single(r => r.PersonId == second.Id);
        using var decidedByCommunity = await xintian.PostAsJsonAsync($"/api/registry/persons/duplicates/{review.Id}/decision",
            new { decision = "distinct" });

        Assert.Empty(second.PossibleDuplicateOf!);
        Assert.Empty(seenByCommunity!.PossibleDuplicateOf!);
        Assert.DoesNotContain(communityReviews!, r => r.PersonId == second.Id || r.SimilarTo == first.Id);
        Assert.Equal([first.Id], seenByStreet!.PossibleDuplicateOf);
        Assert.Equal((first.Id, "same_initials_birth_date_street"), (review.SimilarTo, review.Reason));
        Assert.Equal(HttpStatusCode.NotFound, decidedByCommunity.StatusCode);
    }

    [Fact]
    public async Task Hospitals_verify_a_certificate_over_grpc_and_learn_only_whether_it_is_valid_with_its_category_and_grade_and_nobody_else_may()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "黄忠", TestPeople.RareBirthDate());
        var holder = await RegistryClient.IssueAsync(yunan, person.Id, category: 2, grade: 3);
        var idNumber = (await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=核对证件"))!.IdNumber;
        var client = new RegistryService.RegistryServiceClient(platform.GatewayGrpc);
        var hospital = new Metadata { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync("hospital-1") } };
        var educationBureau = new Metadata { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync("education-bureau") } };

        var valid = await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "23" }, hospital);
        var wrongGrade = await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "24" }, hospital);
        await yunan.PostAsJsonAsync($"/api/registry/certificates/{holder.Certificate!.Id}/revocation", new { reason = "复查不符合标准", on = "2025-06-01" });
        var revoked = await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "23" }, hospital);
        var otherAudience = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "23" }, educationBureau));
        var noScope = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "23" },
                new Metadata { { "Authorization", "Bearer " + await platform.StaffTokenAsync("yunan-staff") } }));
        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + "83" }, hospital));

        Assert.Equal((true, 2, 3), (valid.Valid, valid.Category, valid.Grade));
        Assert.False(wrongGrade.Valid);
        Assert.False(revoked.Valid);
        Assert.Equal(StatusCode.Unauthenticated, otherAudience.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, noScope.StatusCode);
        Assert.Equal("令牌没有调用此方法的权限 / The token does not allow this method", noScope.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("certificate_number", RegistryClient.FieldViolations(malformed));
    }

    [Fact]
    public async Task A_partner_guessing_a_holders_category_and_grade_is_told_to_wait_after_twenty_numbers_refused_within_the_hour()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var auditor = await platform.StaffAsync("auditor");
        var person = await RegistryClient.RegisterAsync(yunan, "徐庶", TestPeople.RareBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 6, grade: 4);
        var idNumber = (await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=核对证件"))!.IdNumber;
        var client = new RegistryService.RegistryServiceClient(platform.GatewayGrpc);
        var guesser = new Metadata { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync("rehab-institution-2") } };

        // All 28 endings at once, as a partner trying to beat the count would send them.
        var answers = await Task.WhenAll(Enumerable.Range(1, 7).SelectMany(category => Enumerable.Range(1, 4).Select(grade => $"{category}{grade}"))
            .Select(async guess =>
            {
                try
                {
                    var answer = await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = idNumber + guess }, guesser);
                    return answer.Valid ? "valid" : "not_valid";
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
                {
                    return "wait";
                }
            }));
        var audit = await auditor.GetFromJsonAsync<List<AuditAnswer>>("/api/registry/admin/audit?action=personal_data.read&actor=rehab-institution-2");

        // Never more than 20 refused answered; the holder's number (64) is answered only if it came before the twentieth refusal.
        Assert.Equal(20, answers.Count(a => a == "not_valid"));
        Assert.Equal(28 - 20 - answers.Count(a => a == "valid"), answers.Count(a => a == "wait"));
        Assert.Equal(20, audit!.Count(a => a.Outcome == "not_valid"));
        Assert.Equal(answers.Count(a => a == "wait"), audit!.Count(a => a.Outcome == "throttled"));
    }

    [Fact]
    public async Task Pages_followed_by_their_next_cursor_list_what_numbered_pages_list()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var registered = new List<Guid>();
        var birthDates = new List<DateOnly>();
        foreach (var name in new[] { "闻人杰", "闻人萍", "闻人骏", "闻人蓉", "闻人毅" })
        {
            birthDates.Add(TestPeople.RareBirthDate());
            registered.Add((await RegistryClient.RegisterAsync(yunan, name, birthDates[^1])).Id);
        }
        const string search = "/api/registry/persons?name=闻人&sort=-birthDate&pageSize=2";

        var numbered = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var found = (await yunan.GetFromJsonAsync<PersonPageAnswer>($"{search}&page={page}"))!;
            numbered.AddRange(found.Items.Select(p => p.Id));
            if (found.Items.Count < 2)
            {
                break;
            }
        }
        var followed = new List<Guid>();
        var cursors = new List<string>();
        for (string? next = ""; next is not null;)
        {
            var found = (await yunan.GetFromJsonAsync<PersonPageAnswer>(next == "" ? search : $"{search}&after={Uri.EscapeDataString(next)}"))!;
            followed.AddRange(found.Items.Select(p => p.Id));
            next = found.Next;
            cursors.AddRange(next is null ? [] : [next]);
        }
        using var otherSort = await yunan.GetAsync($"/api/registry/persons?name=闻人&pageSize=2&after={Uri.EscapeDataString(
            (await yunan.GetFromJsonAsync<PersonPageAnswer>(search))!.Next!)}");

        Assert.Equal(numbered, followed);
        Assert.Equal(followed.Count, followed.Distinct().Count());
        Assert.Subset(followed.ToHashSet(), registered.ToHashSet());
        Assert.Equal(HttpStatusCode.BadRequest, otherSort.StatusCode);
        // A cursor is opaque, not a way round the masking: no birth date can be read out of it.
        var decoded = string.Join(" ", cursors.Select(c => Encoding.UTF8.GetString(Convert.FromBase64String(
            c.Replace('-', '+').Replace('_', '/') + new string('=', (4 - c.Length % 4) % 4)))));
        Assert.All(birthDates, born => Assert.DoesNotContain(born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), decoded,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Certificates_past_their_validity_expire()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "马超", TestPeople.RareBirthDate());
        var holder = await RegistryClient.IssueAsync(yunan, person.Id, category: 3, grade: 4);
        await using (var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db")))
        {
            await registry.OpenAsync();
            await using var backdate = new NpgsqlCommand(
                "update certificates set issued_on = current_date - 4000, valid_until = current_date - 2 where id = $1", registry);
            backdate.Parameters.AddWithValue(holder.Certificate!.Id);
            await backdate.ExecuteNonQueryAsync();
        }

        using var run = await platform.Operator.PostAsync("/api/registry/admin/certificates/expiry", null);
        var after = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}");
        var history = await yunan.GetFromJsonAsync<List<HistoryAnswer>>($"/api/registry/persons/{person.Id}/history");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Null(after!.Certificate);
        Assert.Contains(history!, h => h.Change == "certificate_expired");
    }

    [Fact]
    public async Task Auditors_and_operators_read_but_cannot_change_records()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var auditor = await platform.StaffAsync("auditor");
        var person = await RegistryClient.RegisterAsync(yunan, "简雍", TestPeople.RareBirthDate());

        using var register = await auditor.PostAsJsonAsync("/api/registry/persons",
            new { idNumber = TestPeople.NewIdNumber(TestPeople.RareBirthDate()), name = "简雍", communityCode = TestPeople.NewTianCommunity });
        using var issue = await platform.Operator.PostAsJsonAsync($"/api/registry/persons/{person.Id}/certificates", new { category = 1, grade = 1, on = "2024-01-01" });
        using var close = await auditor.PostAsJsonAsync($"/api/registry/persons/{person.Id}/closure", new { reason = "deceased", on = "2025-01-01" });
        using var read = await auditor.GetAsync($"/api/registry/persons/{person.Id}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (register.StatusCode, issue.StatusCode, close.StatusCode, read.StatusCode));
    }

    private sealed record HistoryAnswer(long Id, string Change, System.Text.Json.JsonElement Details, string ChangedBy);

    private sealed record DuplicateAnswer(Guid Id, Guid PersonId, Guid SimilarTo, string Reason);
}
