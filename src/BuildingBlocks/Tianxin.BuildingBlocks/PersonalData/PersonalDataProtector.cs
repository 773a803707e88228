using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>
/// Encrypts personal data for storage (AES-256-GCM) and computes the blind index used to find a value
/// without decrypting anything (HMAC-SHA256: a plain hash of an ID number could be reversed by trying
/// all ~2^37 possible numbers).
/// Stored form: version byte, key-id length, key id (UTF-8), 12-byte nonce, 16-byte tag, ciphertext.
/// The purpose ("person.id_number") is authenticated with the value, so a ciphertext copied into
/// another column does not decrypt.
/// </summary>
public sealed class PersonalDataProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly byte[] _blindIndexKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var settings = options.Value;
        _keys = settings.EncryptionKeys.ToDictionary(pair => pair.Key, pair => DecodeKey(pair.Value, $"EncryptionKeys:{pair.Key}"));
        _activeKeyId = settings.ActiveKeyId;
        if (!_keys.ContainsKey(_activeKeyId))
        {
            throw new InvalidOperationException($"{PersonalDataOptions.Section}:ActiveKeyId '{_activeKeyId}' names no configured encryption key.");
        }
        _blindIndexKey = DecodeKey(settings.BlindIndexKey, "BlindIndexKey");
    }

    public string ActiveKeyId => _activeKeyId;

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public byte[] Encrypt(string plaintext, string purpose) => Encrypt(Encoding.UTF8.GetBytes(plaintext), purpose);

    /// <summary>For whole files of personal data (an uploaded list) kept until processed.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plain, string purpose)
    {
        var keyId = Encoding.UTF8.GetBytes(_activeKeyId);
        var header = 2 + keyId.Length;
        var output = new byte[header + NonceSize + TagSize + plain.Length];
        output[0] = FormatVersion;
        output[1] = checked((byte)keyId.Length);
        keyId.CopyTo(output, 2);
        var nonce = output.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(header + NonceSize + TagSize), output.AsSpan(header + NonceSize, TagSize),
            Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    /// <exception cref="CryptographicException">The value was altered, belongs to another purpose, or its key is gone.</exception>
    public string Decrypt(byte[] stored, string purpose) => Encoding.UTF8.GetString(DecryptBytes(stored, purpose));

    /// <exception cref="CryptographicException">The value was altered, belongs to another purpose, or its key is gone.</exception>
    public byte[] DecryptBytes(byte[] stored, string purpose)
    {
        var (keyId, header) = ReadHeader(stored);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Personal data encrypted with key '{keyId}', which is not configured.");
        }
        var cipher = stored.AsSpan(header + NonceSize + TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(header, NonceSize), cipher, stored.AsSpan(header + NonceSize, TagSize), plain,
            Encoding.UTF8.GetBytes(purpose));
        return plain;
    }

    /// <summary>True when the value is protected by a key other than the active one (key rotation: re-encrypt it).</summary>
    public bool NeedsReEncryption(byte[] stored) => ReadHeader(stored).KeyId != _activeKeyId;

    /// <summary>Deterministic, keyed: equal inputs give equal indexes; without the key, nothing can be learnt from one.</summary>
    public byte[] BlindIndex(string value, string purpose) =>
        HMACSHA256.HashData(_blindIndexKey, Encoding.UTF8.GetBytes(purpose + "\u001f" + value));

    private static (string KeyId, int Header) ReadHeader(byte[] stored)
    {
        if (stored.Length < 2 || stored[0] != FormatVersion || stored.Length < 2 + stored[1] + NonceSize + TagSize)
        {
            throw new CryptographicException("Not a value protected by this platform.");
        }
        return (Encoding.UTF8.GetString(stored, 2, stored[1]), 2 + stored[1]);
    }

    private static byte[] DecodeKey(string base64, string name)
    {
        var key = new byte[32];
        return Convert.TryFromBase64String(base64, key, out var written) && written == key.Length
            ? key
            : throw new InvalidOperationException($"{PersonalDataOptions.Section}:{name} must be 32 random bytes in base64.");
    }
}
