using System.Text.Json;

namespace OmniGraph.Ingest;

internal sealed partial class TableRowReader
{
    /// <summary>Linear name matching beats hashing for the handful of properties most types have.</summary>
    private const int LinearLookupLimit = 16;

    /// <summary>System columns of the storage engine: never input.</summary>
    private static readonly byte[][] s_reservedPhysicalNames =
    [
        "_tombstone"u8.ToArray(),
        "_rowid"u8.ToArray(),
        "_rowaddr"u8.ToArray(),
        "_rowoffset"u8.ToArray(),
        "_row_created_at_version"u8.ToArray(),
        "_row_last_updated_at_version"u8.ToArray(),
    ];

    /// <summary>
    /// Reads the <c>data</c> object (the reader is on its <c>{</c>) into the current row: each member is a declared
    /// property (converted straight into its builder) or <c>id</c>; anything else is an error.
    /// </summary>
    public void ReadData(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonStrings.GetUtf8(ref reader, _nameText);
            var column = FindColumn(name);
            if (column is not null)
            {
                if (_seen[column.Ordinal])
                {
                    ThrowDuplicateMember(name);
                }

                _seen[column.Ordinal] = true;
                reader.Read();
                ReadValue(column, ref reader);
            }
            else if (name.SequenceEqual("id"u8))
            {
                if (_explicitIdStart >= 0)
                {
                    ThrowDuplicateMember(name);
                }

                reader.Read();
                ReadExplicitId(ref reader);
            }
            else
            {
                ThrowUnknownDataField(name);
            }
        }
    }

    private void ReadExplicitId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            ThrowInvalid($"data.id must be a string, got {JsonStrings.DescribeToken(ref reader)}", "id");
        }

        var id = JsonStrings.GetUtf8(ref reader, _valueText);
        _explicitIdStart = _row.Length;
        _explicitIdLength = id.Length;
        _row.Append(id);
    }

    private PropertyColumn? FindColumn(ReadOnlySpan<byte> name)
    {
        var columns = _columns;

        // Records of one type usually list properties in the same order: try the one after the last match first.
        var guess = _nextGuess;
        if ((uint)guess < (uint)columns.Length && name.SequenceEqual(columns[guess].NameUtf8))
        {
            _nextGuess = guess + 1;
            return columns[guess];
        }

        if (columns.Length <= LinearLookupLimit)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (name.SequenceEqual(columns[i].NameUtf8))
                {
                    _nextGuess = i + 1;
                    return columns[i];
                }
            }

            return null;
        }

        if (Type.TryGetPropertyUtf8(name, out var property))
        {
            _nextGuess = property.Ordinal + 1;
            return columns[property.Ordinal];
        }

        return null;
    }

    private static bool IsReservedPhysicalName(ReadOnlySpan<byte> name)
    {
        foreach (var reserved in s_reservedPhysicalNames)
        {
            if (name.SequenceEqual(reserved))
            {
                return true;
            }
        }

        return false;
    }
}
