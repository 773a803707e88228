namespace Tianxin.BuildingBlocks.Text;

/// <summary>
/// The terms a name is indexed under: every substring of up to <see cref="MaxLength"/> characters of the
/// name and of its pinyin initials. A query of at most that length is one exact term; a longer one is
/// narrowed by its first <see cref="MaxLength"/> characters and then checked in full.
/// </summary>
public static class SearchTerms
{
    public const int MaxLength = 4;

    public static string[] Of(string name)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { Normalise(name), PinyinInitials.Of(name) })
        {
            for (var start = 0; start < text.Length; start++)
            {
                for (var length = 1; length <= MaxLength && start + length <= text.Length; length++)
                {
                    terms.Add(text.Substring(start, length));
                }
            }
        }
        return [.. terms];
    }

    /// <summary>The term a query is looked up by.</summary>
    public static string ProbeFor(string query)
    {
        var normalised = Normalise(query);
        return normalised.Length <= MaxLength ? normalised : normalised[..MaxLength];
    }

    public static string Normalise(string text) => text.Trim().Replace("·", string.Empty).ToLowerInvariant();
}
