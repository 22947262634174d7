namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Reads the key an <see cref="AddressHashTable"/> value stands for. Tables store no key bytes: a value leads to a row
/// whose column holds them, so an index over a million ids costs twelve bytes a slot and no string.
/// </summary>
internal interface IRowKeyReader
{
    /// <summary>The key bytes of the row <paramref name="value"/> leads to (valid until the next call).</summary>
    ReadOnlySpan<byte> KeyOf(long value);
}
