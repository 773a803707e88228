using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;
using MiniExcelLibs;
using Npgsql;
using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Bulk import of certificate holders through the gateway, and export of a search.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryImportTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_thousand_rows_with_fifty_bad_ones_import_nine_hundred_fifty_report_fifty_with_reasons_and_change_nothing_the_second_time()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var (file, badRows) = ThousandRows();

        var first = await ImportAsync(yunan, file, "持证人名单.xlsx");
        using var report = await yunan.GetAsync($"/api/registry/imports/{first.Id}/report?format=csv");
        var reportText = await report.Content.ReadAsStringAsync();
        var second = await ImportAsync(yunan, file, "持证人名单.xlsx");
        // More than one of the export's pages of 500: it goes on from where each page ended.
        var listed = (await yunan.GetFromJsonAsync<PersonPageAnswer>("/api/registry/persons?name=测试&pageSize=1"))!.Total;
        using var export = await yunan.GetAsync("/api/registry/persons/export?name=测试");
        var exported = (await export.Content.ReadAsByteArrayAsync()).AsQuery();

        Assert.Equal(("completed", 1000, 950, 0, 50), (first.Status, first.TotalRows!.Value, first.Imported, first.Unchanged, first.Rejected));
        Assert.Equal(("completed", 0, 950, 50), (second.Status, second.Imported, second.Unchanged, second.Rejected));
        Assert.True(listed >= 950, $"{listed} persons named 测试…");
        Assert.Equal(listed, exported.Count);
        var reportedRows = reportText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => int.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(badRows.Keys.ToHashSet(), reportedRows);
        foreach (var (row, field) in badRows)
        {
            Assert.Contains($"\n{row},{field},", reportText.Replace("\r", ""), StringComparison.Ordinal);
        }
        Assert.Contains("残疾类别应为1至7", reportText, StringComparison.Ordinal);
        Assert.Contains("The category is 1 to 7.", reportText, StringComparison.Ordinal);
        Assert.DoesNotContain(file.AsQuery()[0]["身份证号"]!.ToString()!, await ImportTablesAsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_list_with_chinese_headers_imports_and_the_search_result_exports_to_excel()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var good = TestPeople.NewIdNumber(TestPeople.RareBirthDate());
        var csv = $"身份证号,姓名,电话,地址,社区代码,残疾类别,残疾等级,发证日期\n{good},欧阳修,13800001111,裕南街8号,{TestPeople.NewTianCommunity},4,3,2023-09-01\n" +
                  $"{good[..17]}?,欧阳询,,,{TestPeople.NewTianCommunity},4,3,2023-09-01\n";

        var import = await ImportAsync(yunan, Encoding.UTF8.GetBytes(csv), "名单.csv");
        using var export = await yunan.GetAsync("/api/registry/persons/export?name=oyx&category=4");
        var exported = (await export.Content.ReadAsByteArrayAsync()).AsQuery();

        Assert.Equal((1, 1), (import.Imported, import.Rejected));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains(exported, row => (string?)row["姓名"] == "欧阳修" && ((string)row["身份证号"]!).Contains("********", StringComparison.Ordinal));
        // Beside a masked number the export gives the birth year only.
        Assert.All(exported, row => Assert.False(row.ContainsKey("出生日期")));
        Assert.All(exported, row => Assert.Matches("^(19|20)[0-9]{2}$", row["出生年份"]?.ToString() ?? ""));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "名单.pdf" } };

        using var response = await yunan.PostAsync("/api/registry/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", (await response.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
    }

    [Fact]
    public async Task A_worker_that_lost_its_claim_stops_and_the_import_completes_once_under_the_new_claim()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var (file, _) = ThousandRows(region: "430121");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "持证人名单.xlsx" } };
        using var uploaded = await yunan.PostAsync("/api/registry/imports", form);
        var id = (await uploaded.Content.ReadFromJsonAsync<ImportAnswer>())!.Id;
        await Testing.Wait.UntilAsync(async () => await ImportColumnAsync(id, "processed") >= 25, TimeSpan.FromMinutes(2),
            () => "The import never started");

        // Another worker takes the import up, as it would after this one stalled: the claim moves on.
        await ImportColumnAsync(id, "claim", "claim + 1");
        var atTakeover = await ImportColumnAsync(id, "processed");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterwards = await ImportColumnAsync(id, "processed");
        // The new claim is this test's and does nothing: once its heartbeat is old, the service's worker takes the import up again.
        await ImportColumnAsync(id, "heartbeat_at", "now() - interval '3 minutes'");
        ImportAnswer? finished = null;
        await Testing.Wait.UntilAsync(async () =>
            (finished = await yunan.GetFromJsonAsync<ImportAnswer>($"/api/registry/imports/{id}"))!.Status == "completed",
            TimeSpan.FromMinutes(3), () => $"The import never completed: {finished}");
        var report = await yunan.GetStringAsync($"/api/registry/imports/{id}/report?format=csv");

        Assert.Equal(atTakeover, afterwards);
        Assert.Equal((1000, 950, 50), (finished!.Processed, finished.Imported + finished.Unchanged, finished.Rejected));
        Assert.Equal(50, report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).Distinct().Count());
    }

    [Fact]
    public async Task A_file_of_more_than_fifty_thousand_rows_is_refused_whole_saying_why()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var csv = new StringBuilder("身份证号,姓名,电话,地址,社区代码,残疾类别,残疾等级,发证日期\n");
        for (var i = 0; i <= 50_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},某某,,,{TestPeople.NewTianCommunity},4,3,2023-09-01\n");
        }

        var import = await ImportAsync(yunan, Encoding.UTF8.GetBytes(csv.ToString()), "名单.csv");

        Assert.Equal(("failed", 0, 0), (import.Status, import.Processed, import.Imported));
        Assert.Contains("50,000", import.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_twenty_megabytes_is_refused_as_it_arrives_and_nothing_is_stored()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var before = await ImportCountAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[24 * 1024 * 1024]), "file", "名单.csv" } };
        // Asking first, as large uploads should: the refusal then comes before a byte of the body is sent.
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/registry/imports") { Content = form, Headers = { ExpectContinue = true } };

        HttpResponseMessage? response = null;
        try
        {
            response = await yunan.SendAsync(upload);
        }
        catch (HttpRequestException)
        {
            // A client that sends the body anyway may find the connection closed under it: refused all the same.
        }

        if (response is not null)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            response.Dispose();
        }
        Assert.Equal(before, await ImportCountAsync());
    }

    private async Task<long> ImportCountAsync()
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from imports", registry);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Reads a column of an import, after setting it to <paramref name="setTo"/> (SQL) when given.</summary>
    private async Task<long> ImportColumnAsync(Guid id, string column, string? setTo = null)
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        await using var command = new NpgsqlCommand(setTo is null
            ? $"select {column}::bigint from imports where id = $1"
            : $"update imports set {column} = {setTo} where id = $1 returning 0::bigint", registry);
        command.Parameters.AddWithValue(id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The uploaded file holds ID numbers in the clear: none may stay in the database once it is processed.</summary>
    private async Task<string> ImportTablesAsTextAsync()
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        await using var everything = new NpgsqlCommand(
            """
            select coalesce(string_agg(row_to_json(i)::text, ' '), '') || (select coalesce(string_agg(row_to_json(r)::text, ' '), '') from import_rejections r)
            from imports i
            """, registry);
        return (string)(await everything.ExecuteScalarAsync())!;
    }

    private static async Task<ImportAnswer> ImportAsync(HttpClient staff, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        using var uploaded = await staff.PostAsync("/api/registry/imports", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Accepted, await uploaded.Content.ReadAsStringAsync());
        var import = (await uploaded.Content.ReadFromJsonAsync<ImportAnswer>())!;
        await Testing.Wait.UntilAsync(async () =>
            (import = (await staff.GetFromJsonAsync<ImportAnswer>($"/api/registry/imports/{import.Id}"))!).Status is "completed" or "failed",
            TimeSpan.FromMinutes(3), () => $"The import never finished: {import}");
        return import;
    }

    /// <summary>
    /// 950 good rows of persons born in 雨花区 (430111) or another region outside the district, so no other test's person
    /// shares an ID number, and 50 bad ones.
    /// </summary>
    private static (byte[] File, Dictionary<int, string> BadRows) ThousandRows(string region = "430111")
    {
        var communities = new[] { "430103001001", "430103001002", "430103001003" };
        var badKinds = new (string Field, Func<Dictionary<string, object?>, Dictionary<string, object?>> Spoil)[]
        {
            ("idNumber", row => Set(row, "身份证号", WrongCheckCharacter((string)row["身份证号"]!))),
            ("category", row => Set(row, "残疾类别", 8)),
            ("grade", row => Set(row, "残疾等级", 0)),
            ("issuedOn", row => Set(row, "发证日期", "2099-01-01")),
            ("communityCode", row => Set(row, "社区代码", "430103006001")),
            ("name", row => Set(row, "姓名", "<script>")),
        };
        var rows = new List<Dictionary<string, object?>>();
        var bad = new Dictionary<int, string>();
        for (var i = 0; i < 1000; i++)
        {
            var birthDate = new DateOnly(1940, 1, 1).AddDays(i * 21);
            var first17 = region + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (100 + i % 800).ToString("D3", CultureInfo.InvariantCulture);
            var row = new Dictionary<string, object?>
            {
                ["身份证号"] = first17 + ResidentIdNumber.CheckCharacterOf(first17),
                ["姓名"] = "测试" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉戌亥"[i / 10 % 12],
                ["电话"] = "1390000" + i.ToString("D4", CultureInfo.InvariantCulture),
                ["地址"] = $"裕南街{i}号",
                ["社区代码"] = communities[i % 3],
                ["残疾类别"] = 1 + i % 7,
                ["残疾等级"] = 1 + i % 4,
                ["发证日期"] = "2023-05-0" + (1 + i % 9),
            };
            if (i % 20 == 7)
            {
                var (field, spoil) = badKinds[bad.Count % badKinds.Length];
                row = spoil(row);
                bad[i + 2] = field; // the header is row 1
            }
            rows.Add(row);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return (stream.ToArray(), bad);
    }

    private static Dictionary<string, object?> Set(Dictionary<string, object?> row, string column, object? value)
    {
        row[column] = value;
        return row;
    }

    private static string WrongCheckCharacter(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    private sealed record ImportAnswer(Guid Id, string Status, int? TotalRows, int Processed, int Imported, int Unchanged, int Rejected,
        string? Failure = null);
}

internal static class SpreadsheetReading
{
    public static List<IDictionary<string, object?>> AsQuery(this byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
