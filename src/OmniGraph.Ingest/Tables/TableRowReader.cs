using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// Reads one table's rows of a parse chunk into chunk-local column builders and checks every rule a row can check on
/// its own. A row is assembled in three steps: <see cref="BeginRow"/>, <see cref="ReadData"/> (values go straight into
/// the builders), <see cref="EndRow"/> (missing properties, the id text from <c>@key</c> or <c>data.id</c>, the
/// <c>@unique</c> tuples, edge endpoints). <see cref="TakeChunk"/> hands the chunk's rows to the in-order merge
/// (<see cref="TableWriter"/>), which owns everything that depends on earlier rows: minted ids, duplicate ids and
/// tuples, fragment cuts. One reader per table per parse lane; after any error it is abandoned with the whole intake.
/// </summary>
internal sealed partial class TableRowReader
{
    private readonly PropertyColumn[] _columns;
    private readonly PropertyColumn[] _keyColumns;
    private readonly int[][] _uniqueComponents;
    private readonly Utf8ColumnBuilder? _sources;
    private readonly Utf8ColumnBuilder? _targets;
    private readonly bool[] _seen;
    private readonly int[] _captureStart;
    private readonly int[] _captureLength;

    // Row scratch: captured canonical texts and the explicit id live in _row until the row ends.
    private readonly ByteBuffer _row = new();
    private readonly ByteBuffer _idText = new(64);
    private readonly ByteBuffer _tupleText = new(64);
    private readonly ByteBuffer _nameText = new(64);
    private readonly ByteBuffer _valueText = new();
    private readonly ByteBuffer _blobBytes = new();
    private char[] _chars = new char[256];

    private ChunkRows? _rows;
    private int _lastChunkRows;
    private int _lastChunkTextBytes;
    private long _line;
    private int _nextGuess;
    private int _explicitIdStart = -1;
    private int _explicitIdLength;
    private long _rowVariableBytes;

    /// <summary>Marks a unique-tuple component that is an edge's <c>src</c>.</summary>
    private const int SourceComponent = -1;

    /// <summary>Marks a unique-tuple component that is an edge's <c>dst</c>.</summary>
    private const int TargetComponent = -2;

    public TableRowReader(GraphElementType type, JsonlIntakeOptions options)
    {
        Type = type;
        var layout = TableLayout.For(type);
        TableName = type.TableName;
        IsEdge = type.Kind == ElementKind.Edge;
        if (IsEdge)
        {
            _sources = new Utf8ColumnBuilder();
            _targets = new Utf8ColumnBuilder();
        }

        var keyMembers = type is NodeType node ? node.KeyProperties : [];
        var captureSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        int SlotOf(string propertyName)
        {
            if (!captureSlots.TryGetValue(propertyName, out var slot))
            {
                slot = captureSlots.Count;
                captureSlots.Add(propertyName, slot);
            }

            return slot;
        }

        foreach (var member in keyMembers)
        {
            SlotOf(member.Name);
        }

        var uniqueComponents = new List<int[]>();
        foreach (var unique in type.UniqueConstraints)
        {
            var components = new int[unique.Columns.Length];
            for (var i = 0; i < components.Length; i++)
            {
                components[i] = unique.Columns[i] switch
                {
                    TableLayout.SourceColumnName when IsEdge => SourceComponent,
                    TableLayout.TargetColumnName when IsEdge => TargetComponent,
                    var name => SlotOf(name),
                };
            }

            uniqueComponents.Add(components);
        }

        _uniqueComponents = [.. uniqueComponents];
        _columns = new PropertyColumn[type.Properties.Length];
        var fixedWidth = sizeof(int) * (IsEdge ? 3 : 1);
        foreach (var property in type.Properties)
        {
            var ranges = type is NodeType n1 ? n1.RangeConstraints.Where(r => r.PropertyName == property.Name).ToArray() : [];
            var checks = type is NodeType n2 ? n2.CheckConstraints.Where(c => c.PropertyName == property.Name).ToArray() : [];
            var slot = captureSlots.TryGetValue(property.Name, out var s) ? s : -1;
            var isKeyMember = keyMembers.Any(k => ReferenceEquals(k, property));
            var arrowType = layout.Schema.Fields[layout.ColumnOf(property)].Type;
            var column = new PropertyColumn(property, arrowType, slot, isKeyMember, ranges, checks)
            {
                IsNullable = property.IsNullable || (options.LeavesEmbedVectorsOpen && property.Embed is not null && property.Type.IsVector),
            };
            _columns[property.Ordinal] = column;
            fixedWidth += column.FixedWidth;
        }

        // A vector left open for the consumer to compute is nullable in the fragment until it is filled (see
        // JsonlIntakeOptions.LeavesEmbedVectorsOpen); the consumer writes the filled batch under the layout's schema.
        var batchSchema = _columns.Any(static c => c.IsNullable && !c.Property.IsNullable)
            ? new ArrowSchema(layout.Schema.Fields.Select(f => _columns.Any(c => c.IsNullable && !c.Property.IsNullable && c.Name == f.Name) ? new ArrowField(f.Name, f.Type, isNullable: true, f.Metadata) : f), layout.Schema.Metadata)
            : layout.Schema;
        Shape = new TableShape(type, batchSchema, fixedWidth, type.UniqueConstraints);
        _keyColumns = [.. keyMembers.Select(k => _columns[k.Ordinal])];
        _seen = new bool[_columns.Length];
        _captureStart = new int[captureSlots.Count];
        _captureLength = new int[captureSlots.Count];
    }

    public GraphElementType Type { get; }

    public TableShape Shape { get; }

    public string TableName { get; }

    public bool IsEdge { get; }

    /// <summary>The lane's bookkeeping: this table's index among the tables of the chunk being parsed, or -1.</summary>
    public int ChunkIndex { get; set; } = -1;

    /// <summary>Starts a row read from input line <paramref name="line"/>.</summary>
    public void BeginRow(long line)
    {
        _line = line;
        _nextGuess = 0;
        _explicitIdStart = -1;
        _rowVariableBytes = 0;
        _row.Clear();
        Array.Clear(_seen);
        _captureLength.AsSpan().Fill(-1);
    }

    /// <summary>
    /// Completes the row: the <c>@default</c> of an omitted property that has one, nulls for other omitted nullable
    /// properties (or the required-property error), the id text (from
    /// <c>@key</c> or <c>data.id</c>; none for a row whose id the merge mints), the <c>@unique</c> tuples, then the
    /// endpoint columns.
    /// </summary>
    public void EndRow(ReadOnlySpan<byte> source, ReadOnlySpan<byte> target)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_seen[i])
            {
                continue;
            }

            var column = _columns[i];
            if (column.Property.Default is { } value)
            {
                // An omitted property with a @default reads the default exactly as if the line had written it (the same
                // conversion, @range/@check and unique capture); an explicit null never reaches here.
                var reader = new Utf8JsonReader(value.JsonUtf8);
                reader.Read();
                ReadValue(column, ref reader);
                continue;
            }

            if (!column.IsNullable)
            {
                ThrowMissingRequired(column);
            }

            column.Builder.AppendNull();
        }

        var rows = _rows ??= new ChunkRows(_uniqueComponents.Length, _lastChunkRows, _lastChunkTextBytes);
        var hasId = TryResolveId(out var id);
        rows.StartRow(_line, hasId, id);
        for (var u = 0; u < _uniqueComponents.Length; u++)
        {
            var exempt = !TryRenderTuple(_uniqueComponents[u], source, target, out var tuple);
            rows.SetTuple(u, exempt, tuple);
        }

        if (IsEdge)
        {
            _sources!.Append(source);
            _targets!.Append(target);
        }

        rows.EndRow(_rowVariableBytes + source.Length + target.Length);
    }

    /// <summary>
    /// Hands over the rows read since the last call (<c>null</c> when there were none): the builders are emptied for
    /// the next chunk.
    /// </summary>
    public ChunkTable? TakeChunk()
    {
        if (_rows is null)
        {
            return null;
        }

        var layout = Shape.Layout;
        var columns = new ArrowColumn?[layout.ColumnCount];
        if (IsEdge)
        {
            columns[TableLayout.SourceColumnIndex] = _sources!.Build();
            columns[TableLayout.TargetColumnIndex] = _targets!.Build();
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            columns[layout.FirstPropertyColumn + i] = _columns[i].Builder.Build();
        }

        var chunk = new ChunkTable(Shape, columns, _rows);
        _lastChunkRows = _rows.Count;
        _lastChunkTextBytes = _rows.TextBytes;
        _rows = null;
        _row.Release(4096);
        _valueText.Release(4096);
        _blobBytes.Release(4096);
        return chunk;
    }

    private ReadOnlySpan<byte> ExplicitId => _row.Slice(_explicitIdStart, _explicitIdLength);

    private ReadOnlySpan<byte> Captured(int slot) => _row.Slice(_captureStart[slot], _captureLength[slot]);

    private bool TryResolveId(out ReadOnlySpan<byte> id)
    {
        if (_keyColumns.Length > 0)
        {
            id = RenderKey();
            if (_explicitIdStart >= 0 && !id.SequenceEqual(ExplicitId))
            {
                ThrowExplicitIdMismatch(id);
            }

            return true;
        }

        id = _explicitIdStart >= 0 ? ExplicitId : default;
        return _explicitIdStart >= 0;
    }

    /// <summary>The canonical id of a keyed node: the key text itself, or a JSON array of the members' texts.</summary>
    private ReadOnlySpan<byte> RenderKey()
    {
        if (_keyColumns.Length == 1)
        {
            return Captured(_keyColumns[0].CaptureSlot);
        }

        _idText.Clear();
        _idText.Append((byte)'[');
        for (var i = 0; i < _keyColumns.Length; i++)
        {
            if (i > 0)
            {
                _idText.Append((byte)',');
            }

            CanonicalText.AppendJsonString(Captured(_keyColumns[i].CaptureSlot), _idText);
        }

        _idText.Append((byte)']');
        return _idText.WrittenSpan;
    }

    /// <summary>The row's canonical tuple for one <c>@unique</c> constraint; <c>false</c> when a member is null (exempt).</summary>
    private bool TryRenderTuple(int[] components, ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, out ReadOnlySpan<byte> tuple)
    {
        if (components.Length == 1)
        {
            return TryGetComponent(components[0], source, target, out tuple);
        }

        tuple = default;
        _tupleText.Clear();
        _tupleText.Append((byte)'[');
        for (var i = 0; i < components.Length; i++)
        {
            if (!TryGetComponent(components[i], source, target, out var component))
            {
                return false;
            }

            if (i > 0)
            {
                _tupleText.Append((byte)',');
            }

            CanonicalText.AppendJsonString(component, _tupleText);
        }

        _tupleText.Append((byte)']');
        tuple = _tupleText.WrittenSpan;
        return true;
    }

    private bool TryGetComponent(int component, ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, out ReadOnlySpan<byte> text)
    {
        switch (component)
        {
            case SourceComponent:
                text = source;
                return true;
            case TargetComponent:
                text = target;
                return true;
            default:
                if (_captureLength[component] < 0)
                {
                    text = default;
                    return false;
                }

                text = Captured(component);
                return true;
        }
    }
}
