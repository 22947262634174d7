using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Export;

/// <summary>
/// Formats table rows as JSONL load records with physical ids, into chunks of about a given size. Node rows are
/// <c>{"type":T,"data":{"id":…,props…}}</c>, edge rows <c>{"edge":E,"from":src,"to":dst,"data":{"id":…,props…}}</c>;
/// every property is written, a null one as <c>null</c>, in declaration order.
/// </summary>
internal sealed class JsonlExportWriter
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Text goes out as UTF-8 as stored; only what JSON requires is escaped (quotes, backslash, control characters).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        Indented = false,
    };

    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_edge = JsonEncodedText.Encode("edge");
    private static readonly JsonEncodedText s_from = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText s_to = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText s_data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");

    private readonly int _chunkBytes;
    private ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;
    private int _records;

    public JsonlExportWriter(int chunkBytes)
    {
        _chunkBytes = chunkBytes;
        _buffer = new ArrayBufferWriter<byte>(chunkBytes + (chunkBytes / 4));
        _writer = new Utf8JsonWriter(_buffer, s_writerOptions);
    }

    /// <summary>Whether a chunk is full and should be taken.</summary>
    public bool HasFullChunk => _buffer.WrittenCount >= _chunkBytes;

    /// <summary>
    /// Writes every row of <paramref name="rows"/> (all columns of <paramref name="layout"/>, in layout order); each chunk
    /// that fills up is added to <paramref name="ready"/>.
    /// </summary>
    public void WriteRows(TableLayout layout, RecordBatch rows, List<ExportChunk> ready)
    {
        var typeName = JsonEncodedText.Encode(layout.Type.Name);
        var first = layout.FirstPropertyColumn;
        var names = new JsonEncodedText[layout.ColumnCount];
        for (var c = first; c < names.Length; c++)
        {
            names[c] = JsonEncodedText.Encode(layout.Schema.Fields[c].Name);
        }

        var ids = (Utf8Column)rows.Column(TableLayout.IdColumnIndex);
        var sources = layout.IsEdge ? (Utf8Column)rows.Column(TableLayout.SourceColumnIndex) : null;
        var targets = layout.IsEdge ? (Utf8Column)rows.Column(TableLayout.TargetColumnIndex) : null;
        for (var row = 0; row < rows.Length; row++)
        {
            _writer.WriteStartObject();
            if (sources is null)
            {
                _writer.WriteString(s_type, typeName);
            }
            else
            {
                _writer.WriteString(s_edge, typeName);
                _writer.WriteString(s_from, sources.GetBytes(row));
                _writer.WriteString(s_to, targets!.GetBytes(row));
            }

            _writer.WriteStartObject(s_data);
            _writer.WriteString(s_id, ids.GetBytes(row));
            for (var c = first; c < names.Length; c++)
            {
                var column = rows.Column(c);
                _writer.WritePropertyName(names[c]);
                if (column.IsNull(row))
                {
                    _writer.WriteNullValue();
                }
                else
                {
                    ExportValueWriter.Write(_writer, column, row, names[c].Value);
                }
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);

            // A new top-level value on the next line: no separator before it.
            _writer.Reset(_buffer);
            _records++;
            if (HasFullChunk)
            {
                ready.Add(TakeChunk());
            }
        }
    }

    /// <summary>Takes what has been written as a chunk (its bytes are handed over, never written again).</summary>
    public ExportChunk TakeChunk()
    {
        var chunk = new ExportChunk(_buffer.WrittenMemory, _records);
        _buffer = new ArrayBufferWriter<byte>(_chunkBytes + (_chunkBytes / 4));
        _writer.Reset(_buffer);
        _records = 0;
        return chunk;
    }

    /// <summary>Whether anything is waiting to be taken.</summary>
    public bool HasPendingRecords => _records > 0;
}
