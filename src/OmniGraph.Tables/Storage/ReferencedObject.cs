namespace OmniGraph.Tables.Storage;

/// <summary>An object a table version reads, and the check its bytes must pass (see <see cref="TableVersionReferences.ChecksOf"/>).</summary>
/// <param name="Key">The object key.</param>
/// <param name="Kind">What it is: <see cref="Fragment"/> or <see cref="DeletionFile"/>.</param>
/// <param name="Check">Throws <see cref="CorruptObjectException"/> when the bytes are not what the table version says.</param>
internal sealed record ReferencedObject(string Key, string Kind, Action<ReadOnlyMemory<byte>> Check)
{
    /// <summary>The kind of a fragment.</summary>
    public const string Fragment = "fragment";

    /// <summary>The kind of a deletion file.</summary>
    public const string DeletionFile = "deletion_file";

    /// <summary>The kind of a table version.</summary>
    public const string TableVersion = "table_version";
}
