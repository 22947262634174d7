using System.Collections.Frozen;
using System.Reflection;

namespace OmniGraph;

/// <summary>
/// The codes of <see cref="ErrorCodes"/> as data: every code with its kind, read once from the catalogue's constants.
/// A code that is not in the catalogue (one a newer peer sent) is <see cref="ErrorKind.Internal"/>.
/// </summary>
public static class ErrorCatalog
{
    private static readonly Lazy<FrozenDictionary<string, ErrorKind>> s_kinds = new(Load);

    /// <summary>Every code with its kind, in code order.</summary>
    public static IReadOnlyList<KeyValuePair<string, ErrorKind>> All => [.. s_kinds.Value.OrderBy(static e => e.Key, StringComparer.Ordinal)];

    /// <summary>The kind of <paramref name="code"/>.</summary>
    public static ErrorKind KindOf(string code) =>
        s_kinds.Value.TryGetValue(code, out var kind) ? kind : ErrorKind.Internal;

    /// <summary>Whether <paramref name="code"/> is in the catalogue.</summary>
    public static bool Contains(string code) => s_kinds.Value.ContainsKey(code);

    private static FrozenDictionary<string, ErrorKind> Load()
    {
        var kinds = new Dictionary<string, ErrorKind>(StringComparer.Ordinal);
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetCustomAttribute<ErrorCodeAttribute>() is { } attribute)
            {
                kinds.Add((string)field.GetRawConstantValue()!, attribute.Kind);
            }
        }

        return kinds.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
