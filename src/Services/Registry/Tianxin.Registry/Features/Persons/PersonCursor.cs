using System.Buffers.Text;
using System.Text;

namespace Tianxin.Registry.Features.Persons;

/// <summary>
/// Where a page of a search ended: the sort, the last person's sort value and id. The next page starts after it, so a
/// deep page or an export costs what the first page does instead of reading and skipping every row before it.
/// </summary>
public sealed record PersonCursor(string Sort, string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Sort}\n{Id}\n{Key}"));

    public static PersonCursor? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n', 3);
            return parts.Length == 3 && Guid.TryParse(parts[1], out var id) ? new PersonCursor(parts[0], parts[2], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
