using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OmniGraph.Ingest;

internal sealed partial class ChunkParser
{
    private readonly ByteBuffer _typeName = new(64);
    private readonly ByteBuffer _source = new(64);
    private readonly ByteBuffer _target = new(64);
    private readonly ByteBuffer _memberName = new(64);
    private byte[] _lastNodeName = [];
    private TableRowReader? _lastNodeTable;
    private byte[] _lastEdgeName = [];
    private TableRowReader? _lastEdgeTable;

    [Flags]
    private enum EnvelopeMembers : byte
    {
        None = 0,
        Type = 1,
        Edge = 2,
        From = 4,
        To = 8,
        Data = 16,
    }

    /// <summary>
    /// Reads one record. The envelope members may come in any order: when <c>data</c> precedes <c>type</c>/<c>edge</c>
    /// it is skipped and read once the table is known (the common order reads it in place). Returns the table whose row
    /// it completed.
    /// </summary>
    private TableRowReader ReadRecord(ReadOnlySpan<byte> line, long lineNumber)
    {
        var reader = new Utf8JsonReader(line, s_readerOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw IngestException.At(lineNumber, "a graph batch record must be a JSON object", null, null);
        }

        var seen = EnvelopeMembers.None;
        TableRowReader? table = null;
        var deferredData = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonStrings.GetUtf8(ref reader, _memberName);
            var member = Classify(name);
            if (member == EnvelopeMembers.None)
            {
                var field = JsonStrings.Excerpt(name);
                throw IngestException.UnknownField(lineNumber, $"unknown top-level graph batch field '{field}'", field, table?.TableName);
            }

            if ((seen & member) != 0)
            {
                throw IngestException.InvalidJson(lineNumber, StrictJsonValidator.DuplicateMember(JsonStrings.Excerpt(name)));
            }

            seen |= member;
            reader.Read();
            switch (member)
            {
                case EnvelopeMembers.Type:
                case EnvelopeMembers.Edge:
                    if ((seen & (EnvelopeMembers.Type | EnvelopeMembers.Edge)) == (EnvelopeMembers.Type | EnvelopeMembers.Edge))
                    {
                        ThrowExactlyOneKind(lineNumber);
                    }

                    table = ResolveTable(ref reader, member == EnvelopeMembers.Edge, lineNumber);
                    table.BeginRow(lineNumber);
                    if (deferredData >= 0)
                    {
                        var dataReader = new Utf8JsonReader(line[deferredData..], s_readerOptions);
                        dataReader.Read();
                        table.ReadData(ref dataReader);
                    }

                    break;
                case EnvelopeMembers.From:
                    ReadEndpoint(ref reader, "from", _source, lineNumber);
                    break;
                case EnvelopeMembers.To:
                    ReadEndpoint(ref reader, "to", _target, lineNumber);
                    break;
                default:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw IngestException.At(lineNumber, $"'data' must be a JSON object, got {JsonStrings.DescribeToken(ref reader)}", "data", table?.TableName);
                    }

                    if (table is not null)
                    {
                        table.ReadData(ref reader);
                    }
                    else
                    {
                        deferredData = (int)reader.TokenStartIndex;
                        reader.Skip();
                    }

                    break;
            }
        }

        // Only whitespace may follow the record (the reader throws on anything else).
        if (reader.Read())
        {
            throw IngestException.InvalidJson(lineNumber, "more than one JSON value on the line");
        }

        if (table is null)
        {
            ThrowExactlyOneKind(lineNumber);
        }

        if (table.IsEdge)
        {
            if ((seen & EnvelopeMembers.From) == 0)
            {
                throw IngestException.At(lineNumber, "edge record is missing 'from'", "from", table.TableName);
            }

            if ((seen & EnvelopeMembers.To) == 0)
            {
                throw IngestException.At(lineNumber, "edge record is missing 'to'", "to", table.TableName);
            }

            table.EndRow(_source.WrittenSpan, _target.WrittenSpan);
        }
        else
        {
            if ((seen & (EnvelopeMembers.From | EnvelopeMembers.To)) != 0)
            {
                var field = (seen & EnvelopeMembers.From) != 0 ? "from" : "to";
                throw IngestException.UnknownField(lineNumber, $"unknown top-level graph batch field '{field}' (node records carry only 'type' and 'data')", field, table.TableName);
            }

            table.EndRow(default, default);
        }

        return table;
    }

    private static EnvelopeMembers Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("to"u8) => EnvelopeMembers.To,
        4 when name.SequenceEqual("type"u8) => EnvelopeMembers.Type,
        4 when name.SequenceEqual("edge"u8) => EnvelopeMembers.Edge,
        4 when name.SequenceEqual("from"u8) => EnvelopeMembers.From,
        4 when name.SequenceEqual("data"u8) => EnvelopeMembers.Data,
        _ => EnvelopeMembers.None,
    };

    [DoesNotReturn]
    private static void ThrowExactlyOneKind(long lineNumber) =>
        throw IngestException.At(lineNumber, "graph batch record must contain exactly one of 'type' or 'edge'", null, null);

    private TableRowReader ResolveTable(ref Utf8JsonReader reader, bool isEdge, long lineNumber)
    {
        var field = isEdge ? "edge" : "type";
        if (reader.TokenType != JsonTokenType.String)
        {
            throw IngestException.At(lineNumber, $"'{field}' must be a string, got {JsonStrings.DescribeToken(ref reader)}", field, null);
        }

        var name = JsonStrings.GetUtf8(ref reader, _typeName);

        // Loads are usually runs of one type: remember the last match per kind.
        if (isEdge)
        {
            if (_lastEdgeTable is not null && name.SequenceEqual(_lastEdgeName))
            {
                return _lastEdgeTable;
            }

            if (!_catalog.TryGetEdgeTypeUtf8(name, out var edgeType))
            {
                throw IngestException.UnknownType(lineNumber, isEdge: true, JsonStrings.Excerpt(name));
            }

            _lastEdgeName = name.ToArray();
            return _lastEdgeTable = GetTable(edgeType);
        }

        if (_lastNodeTable is not null && name.SequenceEqual(_lastNodeName))
        {
            return _lastNodeTable;
        }

        if (!_catalog.TryGetNodeTypeUtf8(name, out var nodeType))
        {
            throw IngestException.UnknownType(lineNumber, isEdge: false, JsonStrings.Excerpt(name));
        }

        _lastNodeName = name.ToArray();
        return _lastNodeTable = GetTable(nodeType);
    }

    private static void ReadEndpoint(ref Utf8JsonReader reader, string field, ByteBuffer destination, long lineNumber)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw IngestException.At(lineNumber, $"'{field}' must be a string node id, got {JsonStrings.DescribeToken(ref reader)}", field, null);
        }

        // Endpoints must outlive the data object, which may follow them: copy them out of the line.
        if (reader.ValueIsEscaped)
        {
            JsonStrings.GetUtf8(ref reader, destination);
        }
        else
        {
            destination.Clear();
            destination.Append(reader.ValueSpan);
        }
    }
}
