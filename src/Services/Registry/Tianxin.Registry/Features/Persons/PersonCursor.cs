using System.Buffers.Text;
using System.Text;

namespace Tianxin.Registry.Features.Persons;

/// <summary>
/// Where a page of a search ended: the sort and the last person's id, whose sort value the next page reads again (a
/// value carried here, a birth date say, would be readable by anyone who decodes it). The next page starts after that
/// person, so a deep page or an export costs what the first page does instead of reading and skipping every row before it.
/// </summary>
public sealed record PersonCursor(string Sort, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Sort}\n{Id}"));

    public static PersonCursor? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
            return parts.Length == 2 && Guid.TryParse(parts[1], out var id) ? new PersonCursor(parts[0], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
