using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Npgsql;
using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RegistryTests(PlatformFixture platform)
{
    private const string NewTianCommunity = TestPeople.NewTianCommunity;
    private const string QingyuanCommunity = TestPeople.QingyuanCommunity;

    [Fact]
    public async Task Street_staff_register_a_person_whom_another_street_cannot_see_and_the_district_can()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var qingyuan = await platform.StaffAsync("qingyuan-staff");
        var idNumber = TestPeople.NewIdNumber(new DateOnly(1962, 3, 14));

        using var registered = await yunan.PostAsJsonAsync("/api/registry/persons",
            new { idNumber, name = "张三丰", phone = "13812345678", address = "裕南街1号", communityCode = NewTianCommunity });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var person = (await registered.Content.ReadFromJsonAsync<PersonAnswer>())!;

        Assert.Equal(idNumber[..6] + "********" + idNumber[14..], person.IdNumber);
        Assert.Equal("138****5678", person.Phone);
        // The mask hides the eight birth-date digits: a masked view shows the birth year only, so nothing it shows rebuilds the number.
        Assert.Equal((null, 1962), (person.BirthDate, person.BirthYear));
        var whole = (await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=核对身份"))!;
        Assert.Equal((idNumber, new DateOnly(1962, 3, 14)), (whole.IdNumber, whole.BirthDate));
        Assert.Equal(HttpStatusCode.OK, (await yunan.GetAsync($"/api/registry/persons/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qingyuan.GetAsync($"/api/registry/persons/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync($"/api/registry/persons/{person.Id}")).StatusCode);
        using var lookUp = await qingyuan.PostAsJsonAsync("/api/registry/persons/lookup", new { idNumber });
        Assert.Empty((await lookUp.Content.ReadFromJsonAsync<List<PersonAnswer>>())!);
        using var ownLookUp = await yunan.PostAsJsonAsync("/api/registry/persons/lookup", new { idNumber });
        Assert.Single((await ownLookUp.Content.ReadFromJsonAsync<List<PersonAnswer>>())!, p => p.Id == person.Id);
        Assert.Single((await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=三丰&pageSize=500"))!.Items, p => p.Id == person.Id);
    }

    [Fact]
    public async Task A_registration_reaches_the_rehabilitation_services_copy_in_the_same_trace()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/persons")
        {
            Content = JsonContent.Create(new { idNumber = TestPeople.NewIdNumber(new DateOnly(2012, 6, 1)), name = "王小明", communityCode = NewTianCommunity }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var registered = await yunan.SendAsync(request);
        var person = (await registered.Content.ReadFromJsonAsync<PersonAnswer>())!;

        await using var rehabilitation = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db"));
        await rehabilitation.OpenAsync();
        await Testing.Wait.UntilAsync(async () =>
        {
            await using var count = new NpgsqlCommand("select count(*) from eligibility_persons where person_id = $1", rehabilitation);
            count.Parameters.AddWithValue(person.Id);
            return (long)(await count.ExecuteScalarAsync())! == 1;
        }, TimeSpan.FromSeconds(30), () => "The rehabilitation service never received PersonRegistered");
        await using var facts = new NpgsqlCommand("select birth_date, sex, community_code from eligibility_persons where person_id = $1", rehabilitation);
        facts.Parameters.AddWithValue(person.Id);
        await using var reader = await facts.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(new DateOnly(2012, 6, 1), reader.GetFieldValue<DateOnly>(0));
        Assert.Equal(person.Sex, reader.GetString(1));
        Assert.Equal(NewTianCommunity, reader.GetString(2));
        var expected = new HashSet<string> { "gateway", "registry", "rehabilitation" };
        await Testing.Wait.UntilAsync(() => Task.FromResult(expected.IsSubsetOf(platform.Otlp.Spans.Where(s => s.TraceId == traceId).Select(s => s.Service))),
            TimeSpan.FromSeconds(30), () => "The hops are not all in the request's trace: " +
                string.Join(", ", platform.Otlp.Spans.Where(s => s.TraceId == traceId).Select(s => $"{s.Service}:{s.Name}")));
    }

    [Fact]
    public async Task The_database_holds_no_plaintext_id_number_and_the_same_number_cannot_be_registered_twice()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var idNumber = TestPeople.NewIdNumber(new DateOnly(1975, 8, 1));
        var request = new { idNumber, name = "买买提·艾力", communityCode = NewTianCommunity };

        using var first = await yunan.PostAsJsonAsync("/api/registry/persons", request);
        using var second = await yunan.PostAsJsonAsync("/api/registry/persons", request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await connection.OpenAsync();
        await using var everything = new NpgsqlCommand("select string_agg(row_to_json(p)::text, ' ') from persons p", connection);
        var rawTable = (string)(await everything.ExecuteScalarAsync())!;
        Assert.Contains("买买提·艾力", rawTable, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, rawTable, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[..17], rawTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_id_number_is_shown_only_for_a_stated_purpose_and_that_read_and_the_registration_are_audited()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var auditor = await platform.StaffAsync("auditor");
        var idNumber = TestPeople.NewIdNumber(new DateOnly(1988, 12, 30));
        using var registered = await yunan.PostAsJsonAsync("/api/registry/persons", new { idNumber, name = "李四", communityCode = NewTianCommunity });
        var person = (await registered.Content.ReadFromJsonAsync<PersonAnswer>())!;

        var officer = await platform.Gateway.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=核对残疾证申请");
        var auditorView = await auditor.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=看看");
        var audit = await auditor.GetFromJsonAsync<List<AuditAnswer>>("/api/registry/admin/audit?action=personal_data.read");
        var changes = await auditor.GetFromJsonAsync<List<AuditAnswer>>("/api/registry/admin/audit?action=personal_data.changed&actor=yunan-staff");

        Assert.Contains(changes!, e => e.Resource == $"person:{person.Id}");
        Assert.Equal(idNumber, officer!.IdNumber);
        Assert.NotEqual(idNumber, auditorView!.IdNumber);
        Assert.Contains(audit!, e => e.Actor == "district-admin" && e.Resource == $"person:{person.Id}" && e.Purpose == "核对残疾证申请");
    }

    [Fact]
    public async Task No_id_number_name_or_phone_reaches_the_logs_traces_or_metrics()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var idNumber = TestPeople.NewIdNumber(new DateOnly(1955, 10, 9));
        const string phone = "13987654321";
        const string name = "欧阳锋";
        using var registered = await yunan.PostAsJsonAsync("/api/registry/persons", new { idNumber, name, phone, communityCode = NewTianCommunity });
        var person = (await registered.Content.ReadFromJsonAsync<PersonAnswer>())!;
        var full = await yunan.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{person.Id}?purpose=上门走访");
        using var lookUp = await yunan.PostAsJsonAsync("/api/registry/persons/lookup", new { idNumber });
        await yunan.GetAsync($"/api/registry/persons?name={Uri.EscapeDataString(name)}");
        using var duplicate = await yunan.PostAsJsonAsync("/api/registry/persons", new { idNumber, name, phone, communityCode = NewTianCommunity });

        // Telemetry is exported in batches: wait until the last request is in, then a little longer for logs.
        var personId = System.Text.Encoding.UTF8.GetBytes(person.Id.ToString());
        await Testing.Wait.UntilAsync(() => Task.FromResult(platform.Otlp.Payloads.Count(p => p.AsSpan().IndexOf(personId) >= 0) >= 2),
            TimeSpan.FromSeconds(30), () => "The registry's telemetry never arrived");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(idNumber, full!.IdNumber);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        foreach (var secret in new[] { idNumber, idNumber[..17], phone, name })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
            foreach (var payload in platform.Otlp.Payloads)
            {
                var at = payload.AsSpan().IndexOf(bytes);
                Assert.True(at < 0, $"'{secret}' found in telemetry: …{System.Text.Encoding.UTF8.GetString(payload, Math.Max(0, at - 300), Math.Min(400, payload.Length - Math.Max(0, at - 300)))}…");
            }
        }
    }

    [Fact]
    public async Task Bad_registrations_are_refused_field_by_field_without_a_500()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var valid = TestPeople.NewIdNumber(new DateOnly(1990, 1, 1));
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var future = TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1));

        var cases = new (object Body, string Field)[]
        {
            (new { idNumber = wrongCheck, name = "王五", communityCode = NewTianCommunity }, "idNumber"),
            (new { idNumber = future, name = "王五", communityCode = NewTianCommunity }, "idNumber"),
            (new { idNumber = valid, name = new string('王', 200), communityCode = NewTianCommunity }, "name"),
            (new { idNumber = valid, name = "Robert'); DROP TABLE persons;--", communityCode = NewTianCommunity }, "name"),
            (new { idNumber = valid, name = "<script>alert(1)</script>", communityCode = NewTianCommunity }, "name"),
            (new { idNumber = valid, name = "王五", phone = "12345", communityCode = NewTianCommunity }, "phone"),
            (new { idNumber = valid, name = "王五", communityCode = "430103999999" }, "communityCode"),
            (new { idNumber = valid, name = "王五", communityCode = QingyuanCommunity }, "communityCode"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await yunan.PostAsJsonAsync("/api/registry/persons", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ValidationAnswer>();
            Assert.True(problem!.Errors.ContainsKey(field), $"{field} not named for {body}");
        }
    }
}
