namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>
/// Keys for personal data, under "PersonalData", from a secret store or the environment — never from
/// the database that holds the data. Each key is 32 random bytes, base64.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Encryption keys by id. Old keys stay listed until every value they protect is re-encrypted.</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The key new values are encrypted with.</summary>
    public string ActiveKeyId { get; set; } = string.Empty;

    /// <summary>HMAC key of the blind index. Changing it means recomputing every index.</summary>
    public string BlindIndexKey { get; set; } = string.Empty;
}
