using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Tianxin.AppHost.Infrastructure;

/// <summary>
/// Keys that protect personal data, handed to the services that store it. Configured values
/// (PersonalData:ActiveKeyId, PersonalData:EncryptionKeys:*, PersonalData:BlindIndexKey — from a secret
/// store) win; otherwise development keys are generated once and kept beside the data, outside the
/// database, so that persistent data stays readable across runs.
/// </summary>
public static class PersonalDataKeys
{
    public static void ApplyTo(IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder, DataStorage storage)
    {
        var configured = builder.Configuration.GetSection("PersonalData");
        if (configured.Exists())
        {
            foreach (var setting in configured.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
            {
                service.WithEnvironment("PersonalData__" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value!);
            }
            return;
        }
        var keys = DevelopmentKeys(storage);
        service.WithEnvironment("PersonalData__ActiveKeyId", keys.KeyId)
            .WithEnvironment($"PersonalData__EncryptionKeys__{keys.KeyId}", keys.EncryptionKey)
            .WithEnvironment("PersonalData__BlindIndexKey", keys.BlindIndexKey);
    }

    private static KeySet DevelopmentKeys(DataStorage storage)
    {
        if (!storage.Persistent)
        {
            return KeySet.Generate();
        }
        var file = storage.PathOf("personal-data-keys.json");
        if (File.Exists(file))
        {
            return JsonSerializer.Deserialize<KeySet>(File.ReadAllText(file))!;
        }
        Directory.CreateDirectory(storage.Root);
        var keys = KeySet.Generate();
        File.WriteAllText(file, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return keys;
    }

    private sealed record KeySet(string KeyId, string EncryptionKey, string BlindIndexKey)
    {
        public static KeySet Generate() => new("dev1",
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }
}
