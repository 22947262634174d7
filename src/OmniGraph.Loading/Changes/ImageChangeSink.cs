using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Export;

namespace OmniGraph.Loading.Changes;

/// <summary>
/// Collects changes with their images (<see cref="EntityChangeOutput"/>) up to a number of changes and a byte target:
/// the change that reaches the target is the last one taken, so a single larger change still travels, alone.
/// </summary>
internal sealed class ImageChangeSink(int limit, long byteTarget) : IChangeSink
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // Every image's envelope (kind, type, id, op, endpoints) is counted as a fixed overhead on top of its properties.
    private const int EnvelopeBytes = 96;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Utf8JsonWriter? _writer;
    private long _bytes;
    private int _taken;

    /// <summary>Changes collected since the last <see cref="Take"/>.</summary>
    public ImmutableArray<EntityChangeOutput>.Builder Changes { get; } = ImmutableArray.CreateBuilder<EntityChangeOutput>();

    /// <inheritdoc />
    public int Remaining => _bytes >= byteTarget ? 0 : limit - _taken;

    /// <inheritdoc />
    public void Add(TableLayout layout, string id, ChangeOp op, RecordBatch before, int beforeRow, RecordBatch after, int afterRow)
    {
        var type = new ChangeTypeOutput(layout.Type.StableId.ToString(CultureInfo.InvariantCulture), layout.Type.Name);
        var change = new EntityChangeOutput(
            ChangeOps.KindName(layout.IsEdge),
            type,
            id,
            op.ToWireName(),
            beforeRow < 0 ? null : Image(layout, before, beforeRow),
            afterRow < 0 ? null : Image(layout, after, afterRow));
        Changes.Add(change);
        _taken++;
    }

    /// <summary>The changes collected since the last call (a feed takes one block per commit).</summary>
    public ImmutableArray<EntityChangeOutput> Take()
    {
        var changes = Changes.ToImmutable();
        Changes.Clear();
        return changes;
    }

    private EntityImageOutput Image(TableLayout layout, RecordBatch rows, int row)
    {
        _buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(_buffer, s_writerOptions);
        writer.Reset(_buffer);
        writer.WriteStartObject();
        for (var c = layout.FirstPropertyColumn; c < layout.ColumnCount; c++)
        {
            var name = layout.Schema.Fields[c].Name;
            var column = rows.Column(c);
            writer.WritePropertyName(name);
            if (column.IsNull(row))
            {
                writer.WriteNullValue();
            }
            else
            {
                ExportValueWriter.Write(writer, column, row, name);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        _bytes += _buffer.WrittenCount + EnvelopeBytes;
        var properties = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        return new EntityImageOutput(properties, layout.IsEdge ? ChangeEndpoints.Of(rows, row) : null);
    }
}
