using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Benchmarks;

/// <summary>
/// Bulk-loads persons with valid certificates into a migrated registry database with binary COPY, as
/// the registry itself stores them (encrypted ID numbers, blind index, search terms), and writes samples
/// of ID numbers and name queries for the lookup benchmark. Connection string and keys come from the
/// same environment variables the registry reads.
/// </summary>
public static class RegistryLoad
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志海燕文德春梅红俊子涵浩然欣怡梓轩雨桐";
    private const int Days = 34_000;
    private static readonly string[] ElderlyDisabled = ["elderly_disabled"];
    private static readonly string[] NoFlags = [];

    public static async Task RunAsync(string[] args)
    {
        var persons = int.Parse(args[0], CultureInfo.InvariantCulture);
        var sampleDirectory = args[1];
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var connectionString = configuration.GetConnectionString("registry-db")
            ?? throw new InvalidOperationException("ConnectionStrings__registry-db is not set.");
        var protector = new PersonalDataProtector(Options.Create(
            configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>()
            ?? throw new InvalidOperationException("PersonalData__* keys are not set.")));
        var communities = Enumerable.Range(1, 14).SelectMany(street => Enumerable.Range(1, 3).Select(c => $"430103{street:D3}{c:D3}")).ToArray();
        var random = new Random(1_000_000);
        var idSample = new List<string>();
        var nameSample = new List<string>();
        var elderlyBornBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-60);
        var clock = Stopwatch.StartNew();

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var personsCopy = await connection.BeginBinaryImportAsync(
            """
            copy persons (id, id_number_cipher, id_number_index, name, sex, birth_date, phone, address, community_code,
                          search_terms, name_initials, created_by, updated_by, facts_version, household_flags) from stdin (format binary)
            """))
        {
            for (var i = 0; i < persons; i++)
            {
                // Day and sequence from the row number: unique ID numbers without a lookup.
                var birthDate = new DateOnly(1930, 1, 1).AddDays(i % Days);
                var first17 = "430103" + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / Days).ToString("D3", CultureInfo.InvariantCulture);
                var idNumber = first17 + ResidentIdNumber.CheckCharacterOf(first17);
                var name = Surnames[random.Next(Surnames.Length)] + string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Given[random.Next(Given.Length)]));
                await personsCopy.StartRowAsync();
                await personsCopy.WriteAsync(PersonId(i), NpgsqlDbType.Uuid);
                await personsCopy.WriteAsync(protector.Encrypt(idNumber, "person.id_number"), NpgsqlDbType.Bytea);
                await personsCopy.WriteAsync(protector.BlindIndex(idNumber, "person.id_number"), NpgsqlDbType.Bytea);
                await personsCopy.WriteAsync(name, NpgsqlDbType.Text);
                await personsCopy.WriteAsync((i / Days) % 2 == 1 ? "male" : "female", NpgsqlDbType.Text);
                await personsCopy.WriteAsync(birthDate, NpgsqlDbType.Date);
                await personsCopy.WriteAsync("139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await personsCopy.WriteNullAsync();
                await personsCopy.WriteAsync(communities[i % communities.Length], NpgsqlDbType.Text);
                await personsCopy.WriteAsync(SearchTerms.Of(name), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await personsCopy.WriteAsync(PinyinInitials.Of(name), NpgsqlDbType.Text);
                await personsCopy.WriteAsync("bench", NpgsqlDbType.Text);
                await personsCopy.WriteAsync("bench", NpgsqlDbType.Text);
                await personsCopy.WriteAsync((long)i, NpgsqlDbType.Bigint);
                // Everyone holds a certificate, so those of 60 or more are 老残一体, as the registry would derive.
                await personsCopy.WriteAsync(birthDate <= elderlyBornBy ? ElderlyDisabled : NoFlags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (i % 100 == 0)
                {
                    idSample.Add(idNumber);
                    // Half full given names (or whole names when the given name is one character), half initials.
                    nameSample.Add(i % 200 == 0 ? (name.Length == 3 ? name[1..] : name) : PinyinInitials.Of(name));
                }
            }
            await personsCopy.CompleteAsync();
        }
        var personsLoaded = clock.Elapsed;

        await using (var certificatesCopy = await connection.BeginBinaryImportAsync(
            "copy certificates (id, person_id, category, grade, issued_on, valid_until, created_by) from stdin (format binary)"))
        {
            for (var i = 0; i < persons; i++)
            {
                var issuedOn = new DateOnly(2017, 1, 1).AddDays(random.Next(0, 3000));
                await certificatesCopy.StartRowAsync();
                await certificatesCopy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await certificatesCopy.WriteAsync(PersonId(i), NpgsqlDbType.Uuid);
                await certificatesCopy.WriteAsync((short)random.Next(1, 8), NpgsqlDbType.Smallint);
                await certificatesCopy.WriteAsync((short)random.Next(1, 5), NpgsqlDbType.Smallint);
                await certificatesCopy.WriteAsync(issuedOn, NpgsqlDbType.Date);
                await certificatesCopy.WriteAsync(issuedOn.AddYears(10), NpgsqlDbType.Date);
                await certificatesCopy.WriteAsync("bench", NpgsqlDbType.Text);
            }
            await certificatesCopy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("analyze persons; analyze certificates", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        var loaded = clock.Elapsed;

        Directory.CreateDirectory(sampleDirectory);
        await File.WriteAllLinesAsync(Path.Combine(sampleDirectory, "id-numbers.txt"), idSample);
        await File.WriteAllLinesAsync(Path.Combine(sampleDirectory, "names.txt"), nameSample.Select(Uri.EscapeDataString));
        Console.WriteLine($"  loaded {persons:N0} persons in {personsLoaded.TotalSeconds:F1} s and their certificates by {loaded.TotalSeconds:F1} s " +
                          $"({persons / loaded.TotalSeconds:N0} persons/s with certificates, indexes maintained, then ANALYZE)");
    }

    private static Guid PersonId(int i) => new(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
