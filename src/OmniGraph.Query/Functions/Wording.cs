namespace OmniGraph.Query.Functions;

/// <summary>How the registry's docs and messages list things in prose.</summary>
internal static class Wording
{
    /// <summary><c>a</c>, <c>a or b</c>, <c>a, b or c</c> (with <paramref name="conjunction"/>); <paramref name="none"/> for no item.</summary>
    public static string List(IReadOnlyList<string> items, string conjunction, string none) => items.Count switch
    {
        0 => none,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };
}
