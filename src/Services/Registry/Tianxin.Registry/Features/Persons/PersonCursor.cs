using Tianxin.BuildingBlocks.Web;

namespace Tianxin.Registry.Features.Persons;

/// <summary>
/// Where a page of a search ended: the sort and the last person's id, whose sort value the next page reads again (a
/// value carried here, a birth date say, would be readable by anyone who decodes it). The next page starts after that
/// person, so a deep page or an export costs what the first page does instead of reading and skipping every row before it.
/// </summary>
public sealed record PersonCursor(string Sort, Guid Id)
{
    public string Encode() => PageTokens.Encode(Sort, Id.ToString());

    public static PersonCursor? Decode(string cursor) =>
        PageTokens.Decode(cursor, 2) is [var sort, var id] && Guid.TryParse(id, out var person) ? new PersonCursor(sort, person) : null;
}
