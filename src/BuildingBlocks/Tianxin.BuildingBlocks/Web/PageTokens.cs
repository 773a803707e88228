using System.Buffers.Text;
using System.Text;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// Opaque tokens that say where a page ended, safe in a URL. Anyone can decode one: put in it only what the caller may
/// see (an id), never a value the caller is shown masked.
/// </summary>
public static class PageTokens
{
    public static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', parts)));

    /// <returns>The parts, or null when the token is not one of <paramref name="count"/> parts.</returns>
    public static string[]? Decode(string token, int count)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            return parts.Length == count ? parts : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
