using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class PersonalDataProtectorTests
{
    private const string Purpose = "person.id_number";
    private const string IdNumber = "11010519491231002X";
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_value_decrypts_to_itself_and_its_stored_form_does_not_contain_it()
    {
        var protector = Protector("a", ("a", KeyA));

        var stored = protector.Encrypt(IdNumber, Purpose);

        Assert.Equal(IdNumber, protector.Decrypt(stored, Purpose));
        Assert.DoesNotContain(IdNumber, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.NotEqual(stored, protector.Encrypt(IdNumber, Purpose)); // a fresh nonce every time
    }

    [Fact]
    public void An_altered_value_or_one_moved_to_another_purpose_does_not_decrypt()
    {
        var protector = Protector("a", ("a", KeyA));
        var stored = protector.Encrypt(IdNumber, Purpose);
        var altered = (byte[])stored.Clone();
        altered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(altered, Purpose));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(stored, "person.phone"));
    }

    [Fact]
    public void After_rotation_old_values_still_decrypt_and_are_flagged_for_re_encryption()
    {
        var before = Protector("a", ("a", KeyA));
        var stored = before.Encrypt(IdNumber, Purpose);
        var after = Protector("b", ("a", KeyA), ("b", KeyB));

        Assert.Equal(IdNumber, after.Decrypt(stored, Purpose));
        Assert.True(after.NeedsReEncryption(stored));
        Assert.False(after.NeedsReEncryption(after.Encrypt(IdNumber, Purpose)));
        Assert.Throws<CryptographicException>(() => Protector("b", ("b", KeyB)).Decrypt(stored, Purpose));
    }

    [Fact]
    public void The_blind_index_is_deterministic_and_depends_on_its_key()
    {
        var protector = Protector("a", ("a", KeyA));
        var otherIndexKey = new PersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = "a", EncryptionKeys = { ["a"] = KeyA }, BlindIndexKey = KeyB,
        }));

        Assert.Equal(protector.BlindIndex(IdNumber, Purpose), protector.BlindIndex(IdNumber, Purpose));
        Assert.NotEqual(protector.BlindIndex(IdNumber, Purpose), protector.BlindIndex("11010519491231003X", Purpose));
        Assert.NotEqual(protector.BlindIndex(IdNumber, Purpose), otherIndexKey.BlindIndex(IdNumber, Purpose));
        Assert.NotEqual(SHA256.HashData(Encoding.UTF8.GetBytes(IdNumber)), protector.BlindIndex(IdNumber, Purpose));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void A_key_that_is_not_32_bytes_is_refused_at_start(string badKey) =>
        Assert.Throws<InvalidOperationException>(() => Protector("a", ("a", badKey)));

    [Fact]
    public void An_active_key_id_without_a_key_is_refused_at_start() =>
        Assert.Throws<InvalidOperationException>(() => Protector("missing", ("a", KeyA)));

    private static PersonalDataProtector Protector(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = active,
            EncryptionKeys = keys.ToDictionary(k => k.Id, k => k.Key),
            BlindIndexKey = IndexKey,
        }));
}
