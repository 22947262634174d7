using OmniGraph.Arrow;

namespace OmniGraph.Abstractions;

/// <summary>
/// A batch of entity ids (UTF-8) sent to a table grain: probes for lookups, expansions, degree counts and deletes.
/// Ids travel as one Arrow column, so a million probes cost one buffer and no string each.
/// </summary>
/// <param name="Keys">The ids, non-null, in caller order (results are reported per position).</param>
[GenerateSerializer]
[Immutable]
public sealed record KeyBatch([property: Id(0)] Utf8Column Keys)
{
    /// <summary>An empty batch.</summary>
    public static KeyBatch Empty { get; } = new(new Utf8ColumnBuilder().Build());

    /// <summary>Number of ids.</summary>
    public int Count => Keys.Length;

    /// <summary>The UTF-8 bytes of id <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => Keys.GetBytes(index);

    /// <summary>Builds a batch from strings.</summary>
    public static KeyBatch FromStrings(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var builder = new Utf8ColumnBuilder();
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(ids));
            builder.Append(id);
        }

        return new KeyBatch(builder.Build());
    }

    /// <summary>Builds a batch from strings.</summary>
    public static KeyBatch Of(params string[] ids) => FromStrings(ids);

    /// <summary>Id <paramref name="index"/> as a string (allocates; for messages).</summary>
    public string GetString(int index) => Keys.GetString(index);
}
