using System.Buffers;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Loading.Export;

namespace OmniGraph.Server.Flight;

/// <summary>
/// Turns the record batches of a Flight put into the load format (docs/data-format.md): one JSONL record per row,
/// <c>{"type":T,"data":{…}}</c> for a node type or <c>{"edge":E,"from":…,"to":…,"data":{…}}</c> for an edge type,
/// each non-null cell written in the value form a load reads back to the same stored value. The load intake then
/// checks every record against the schema exactly as it checks a JSONL load (unknown properties, types, keys), so a
/// Flight load and a JSONL load of the same rows are the same commit.
/// </summary>
internal sealed class FlightLoadRows
{
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_edge = JsonEncodedText.Encode("edge");
    private static readonly JsonEncodedText s_from = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText s_to = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText s_data = JsonEncodedText.Encode("data");

    private readonly JsonEncodedText _typeName;
    private readonly bool _isEdge;

    /// <summary>Rows of the type <paramref name="command"/> names.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: the command names no type, or both a node and an edge type.</exception>
    public FlightLoadRows(FlightPutCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        (_typeName, _isEdge) = (command.Node, command.Edge) switch
        {
            ({ Length: > 0 } node, null) => (JsonEncodedText.Encode(node), false),
            (null, { Length: > 0 } edge) => (JsonEncodedText.Encode(edge), true),
            _ => throw ServerErrors.InvalidBody("the Flight put command names exactly one of 'node' (a node type) or 'edge' (an edge type)"),
        };
    }

    /// <summary>Appends one JSONL record per row of <paramref name="rows"/> to <paramref name="output"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: an edge batch without Utf8 <c>from</c>/<c>to</c> columns, or a null endpoint.</exception>
    public void Write(RecordBatch rows, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var (from, to) = _isEdge ? (Endpoint(rows, "from"), Endpoint(rows, "to")) : (-1, -1);
        var names = new JsonEncodedText[rows.ColumnCount];
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = JsonEncodedText.Encode(rows.Schema.Fields[c].Name);
        }

        using var writer = new Utf8JsonWriter(output);
        for (var row = 0; row < rows.Length; row++)
        {
            writer.WriteStartObject();
            if (_isEdge)
            {
                writer.WriteString(s_edge, _typeName);
                writer.WriteString(s_from, EndpointKey(rows, from, row));
                writer.WriteString(s_to, EndpointKey(rows, to, row));
            }
            else
            {
                writer.WriteString(s_type, _typeName);
            }

            writer.WriteStartObject(s_data);
            for (var c = 0; c < names.Length; c++)
            {
                var column = rows.Column(c);
                if (c == from || c == to || column.IsNull(row))
                {
                    // A missing property is a null one to the load.
                    continue;
                }

                writer.WritePropertyName(names[c]);
                ExportValueWriter.Write(writer, column, row, names[c].Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            output.GetSpan(1)[0] = (byte)'\n';
            output.Advance(1);

            // The next record is a new top-level value: no separator before it.
            writer.Reset(output);
        }
    }

    private static int Endpoint(RecordBatch rows, string name)
    {
        var index = rows.Schema.GetFieldIndex(name);
        return index >= 0 && rows.Schema.Fields[index].Type.Id == ArrowTypeId.Utf8
            ? index
            : throw ServerErrors.InvalidBody($"an edge batch needs a Utf8 column '{name}' holding the endpoints' keys");
    }

    private static ReadOnlySpan<byte> EndpointKey(RecordBatch rows, int column, int row)
    {
        var keys = (Utf8Column)rows.Column(column);
        return keys.IsNull(row)
            ? throw ServerErrors.InvalidBody($"row {row} of an edge batch has a null '{rows.Schema.Fields[column].Name}'")
            : keys.GetBytes(row);
    }
}
