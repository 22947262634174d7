using System.Collections.Immutable;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// Fills one table's column builders row by row, checks the per-row and within-file rules, and cuts a fragment
/// whenever the pending rows reach the configured size. A row is assembled in three steps: <see cref="BeginRow"/>,
/// <see cref="ReadData"/> (values go straight into the builders), <see cref="EndRow"/> (missing properties, id,
/// duplicates, physical columns). After any error the writer is abandoned with the whole intake.
/// </summary>
internal sealed partial class TableWriter
{
    private const int InitialLineCapacity = 1024;

    private readonly LoadMode _mode;
    private readonly Func<Ulid> _newId;
    private readonly Queue<IntakeFragment> _output;
    private readonly int _fragmentMaxRows;
    private readonly long _fragmentMaxBytes;
    private readonly PropertyColumn[] _columns;
    private readonly PropertyColumn[] _keyColumns;
    private readonly UniqueTracker[] _uniques;
    private readonly Utf8ColumnBuilder _ids = new();
    private readonly Utf8ColumnBuilder? _sources;
    private readonly Utf8ColumnBuilder? _targets;
    private readonly Utf8KeySet _idSet = new();
    private readonly bool[] _seen;
    private readonly int[] _captureStart;
    private readonly int[] _captureLength;
    private readonly int _fixedRowWidth;
    private readonly ArrowSchema _batchSchema;

    // Row scratch: captured canonical texts and the explicit id live in _row until the row ends.
    private readonly ByteBuffer _row = new();
    private readonly ByteBuffer _idText = new(64);
    private readonly ByteBuffer _tupleText = new(64);
    private readonly ByteBuffer _nameText = new(64);
    private readonly ByteBuffer _valueText = new();
    private readonly ByteBuffer _blobBytes = new();
    private char[] _chars = new char[256];

    private readonly List<int> _fragmentStarts = [];
    private readonly List<(int RowOrdinal, long Line, long ReplacedByLine)> _superseded = [];
    private HashSet<int>? _supersededOrdinals;

    private long _line;
    private int _nextGuess;
    private int _explicitIdStart = -1;
    private int _explicitIdLength;
    private long[] _lines;
    private int _fragmentRows;
    private long _fragmentVariableBytes;
    private int _fragmentIndex;
    private int _totalRows;
    private int _generatedIds;

    public TableWriter(GraphElementType type, LoadMode mode, JsonlIntakeOptions options, Func<Ulid> newId, Queue<IntakeFragment> output)
    {
        Type = type;
        Layout = TableLayout.For(type);
        TableName = type.TableName;
        IsEdge = type.Kind == ElementKind.Edge;
        _mode = mode;
        _newId = newId;
        _output = output;
        _fragmentMaxRows = options.FragmentMaxRows;
        _fragmentMaxBytes = options.FragmentMaxBytes;
        _lines = new long[Math.Min(InitialLineCapacity, _fragmentMaxRows)];
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

        var uniques = new List<UniqueTracker>();
        foreach (var unique in type.UniqueConstraints)
        {
            var components = new int[unique.Columns.Length];
            for (var i = 0; i < components.Length; i++)
            {
                components[i] = unique.Columns[i] switch
                {
                    TableLayout.SourceColumnName when IsEdge => UniqueTracker.SourceComponent,
                    TableLayout.TargetColumnName when IsEdge => UniqueTracker.TargetComponent,
                    var name => SlotOf(name),
                };
            }

            uniques.Add(new UniqueTracker(unique, components));
        }

        _uniques = [.. uniques];
        _columns = new PropertyColumn[type.Properties.Length];
        var fixedWidth = sizeof(int) * (IsEdge ? 3 : 1);
        foreach (var property in type.Properties)
        {
            var ranges = type is NodeType n1 ? n1.RangeConstraints.Where(r => r.PropertyName == property.Name).ToArray() : [];
            var checks = type is NodeType n2 ? n2.CheckConstraints.Where(c => c.PropertyName == property.Name).ToArray() : [];
            var slot = captureSlots.TryGetValue(property.Name, out var s) ? s : -1;
            var isKeyMember = keyMembers.Any(k => ReferenceEquals(k, property));
            var arrowType = Layout.Schema.Fields[Layout.ColumnOf(property)].Type;
            var column = new PropertyColumn(property, arrowType, slot, isKeyMember, ranges, checks)
            {
                IsNullable = property.IsNullable || (options.LeavesEmbedVectorsOpen && property.Embed is not null && property.Type.IsVector),
            };
            _columns[property.Ordinal] = column;
            fixedWidth += column.FixedWidth;
        }

        _fixedRowWidth = fixedWidth;

        // A vector left open for the consumer to compute is nullable in the fragment until it is filled (see
        // JsonlIntakeOptions.LeavesEmbedVectorsOpen); the consumer writes the filled batch under the layout's schema.
        _batchSchema = _columns.Any(static c => c.IsNullable && !c.Property.IsNullable)
            ? new ArrowSchema(Layout.Schema.Fields.Select(f => _columns.Any(c => c.IsNullable && !c.Property.IsNullable && c.Name == f.Name) ? new ArrowField(f.Name, f.Type, isNullable: true, f.Metadata) : f), Layout.Schema.Metadata)
            : Layout.Schema;
        _keyColumns = [.. keyMembers.Select(k => _columns[k.Ordinal])];
        _seen = new bool[_columns.Length];
        _captureStart = new int[captureSlots.Count];
        _captureLength = new int[captureSlots.Count];
    }

    public GraphElementType Type { get; }

    public TableLayout Layout { get; }

    public string TableName { get; }

    public bool IsEdge { get; }

    /// <summary>Starts a row read from input line <paramref name="line"/>.</summary>
    public void BeginRow(long line)
    {
        _line = line;
        _nextGuess = 0;
        _explicitIdStart = -1;
        _row.Clear();
        Array.Clear(_seen);
        _captureLength.AsSpan().Fill(-1);
    }

    /// <summary>
    /// Completes the row: the <c>@default</c> of an omitted property that has one, nulls for other omitted nullable
    /// properties (or the required-property error), the id (from
    /// <c>@key</c>, <c>data.id</c> or a new ULID), the within-file id and unique rules, then the physical columns.
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

        if (_totalRows == int.MaxValue)
        {
            throw IngestException.Limit(_line, $"rows of {TableName} per load", int.MaxValue, (long)int.MaxValue + 1);
        }

        var rowOrdinal = _totalRows;
        var id = ResolveId(out var tracked);
        if (tracked)
        {
            TrackId(id, rowOrdinal);
        }

        foreach (var unique in _uniques)
        {
            CheckUnique(unique, id, rowOrdinal, source, target);
        }

        _ids.Append(id);
        if (IsEdge)
        {
            _sources!.Append(source);
            _targets!.Append(target);
        }

        if (_fragmentRows == _lines.Length)
        {
            Array.Resize(ref _lines, (int)Math.Min((long)_lines.Length * 2, _fragmentMaxRows));
        }

        _lines[_fragmentRows++] = _line;
        _totalRows++;
        _fragmentVariableBytes += id.Length + source.Length + target.Length;
        if (_fragmentRows >= _fragmentMaxRows || ((long)_fragmentRows * _fixedRowWidth) + _fragmentVariableBytes >= _fragmentMaxBytes)
        {
            Flush();
        }
    }

    /// <summary>Emits the pending rows as a fragment (nothing when there are none).</summary>
    public void Flush()
    {
        if (_fragmentRows == 0)
        {
            return;
        }

        var columns = new ArrowColumn[Layout.ColumnCount];
        columns[TableLayout.IdColumnIndex] = _ids.Build();
        if (IsEdge)
        {
            columns[TableLayout.SourceColumnIndex] = _sources!.Build();
            columns[TableLayout.TargetColumnIndex] = _targets!.Build();
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            columns[Layout.FirstPropertyColumn + i] = _columns[i].Builder.Build();
        }

        var firstRow = _totalRows - _fragmentRows;
        _fragmentStarts.Add(firstRow);
        var batch = new RecordBatch(_batchSchema, columns, _fragmentRows);
        var estimatedBytes = ((long)_fragmentRows * _fixedRowWidth) + _fragmentVariableBytes;
        _output.Enqueue(new IntakeFragment(Layout, batch, _fragmentIndex++, firstRow, new ReadOnlyMemory<long>(_lines, 0, _fragmentRows), estimatedBytes));

        // The line array now belongs to the fragment; the builders were emptied by Build.
        _lines = new long[Math.Min(InitialLineCapacity, _fragmentMaxRows)];
        _fragmentRows = 0;
        _fragmentVariableBytes = 0;
        _row.Release(4096);
        _valueText.Release(4096);
        _blobBytes.Release(4096);
    }

    /// <summary>The table's facts after its last row (call after <see cref="Flush"/>).</summary>
    public TableIntakeSummary BuildSummary()
    {
        var superseded = ImmutableArray.CreateBuilder<SupersededRow>(_superseded.Count);
        foreach (var (rowOrdinal, line, replacedBy) in _superseded.OrderBy(static s => s.RowOrdinal))
        {
            var fragment = _fragmentStarts.BinarySearch(rowOrdinal);
            if (fragment < 0)
            {
                fragment = ~fragment - 1;
            }

            superseded.Add(new SupersededRow(rowOrdinal, fragment, rowOrdinal - _fragmentStarts[fragment], line, replacedBy));
        }

        var uniqueValues = _uniques.Select(u => new UniqueValueIndex(u.Constraint, u.Tuples, IsSuperseded)).ToImmutableArray();
        return new TableIntakeSummary(Layout, _totalRows, _fragmentIndex, _idSet, _generatedIds, superseded.MoveToImmutable(), uniqueValues);
    }

    private ReadOnlySpan<byte> ExplicitId => _row.Slice(_explicitIdStart, _explicitIdLength);

    private ReadOnlySpan<byte> Captured(int slot) => _row.Slice(_captureStart[slot], _captureLength[slot]);

    private ReadOnlySpan<byte> ResolveId(out bool tracked)
    {
        tracked = true;
        if (_keyColumns.Length > 0)
        {
            var key = RenderKey();
            if (_explicitIdStart >= 0 && !key.SequenceEqual(ExplicitId))
            {
                ThrowExplicitIdMismatch(key);
            }

            return key;
        }

        if (_explicitIdStart >= 0)
        {
            return ExplicitId;
        }

        tracked = false;
        _generatedIds++;
        _idText.Clear();
        _newId().TryFormatUtf8(_idText.GetSpan(Ulid.Length), out var written);
        _idText.Advance(written);
        return _idText.WrittenSpan;
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

    private void TrackId(ReadOnlySpan<byte> id, int rowOrdinal)
    {
        if (_idSet.TryAdd(id, rowOrdinal, _line, out var index))
        {
            return;
        }

        var first = _idSet.GetEntry(index);
        if (_keyColumns.Length > 0)
        {
            ThrowDuplicateKey(id, first.Line);
        }

        if (_mode != LoadMode.Merge)
        {
            throw IngestException.KeyConflict(_line, TableName, JsonStrings.Excerpt(id, int.MaxValue), first.Line);
        }

        // Merge: the later row replaces the earlier one (last write wins).
        _superseded.Add((first.RowOrdinal, first.Line, _line));
        (_supersededOrdinals ??= []).Add(first.RowOrdinal);
        _idSet.SetHolder(index, rowOrdinal, _line);
    }

    private void CheckUnique(UniqueTracker unique, ReadOnlySpan<byte> id, int rowOrdinal, ReadOnlySpan<byte> source, ReadOnlySpan<byte> target)
    {
        var components = unique.Components;
        ReadOnlySpan<byte> tuple;
        if (components.Length == 1)
        {
            if (!TryGetComponent(components[0], source, target, out tuple))
            {
                return;
            }
        }
        else
        {
            _tupleText.Clear();
            _tupleText.Append((byte)'[');
            for (var i = 0; i < components.Length; i++)
            {
                if (!TryGetComponent(components[i], source, target, out var component))
                {
                    // A tuple with a null member is exempt from uniqueness.
                    return;
                }

                if (i > 0)
                {
                    _tupleText.Append((byte)',');
                }

                CanonicalText.AppendJsonString(component, _tupleText);
            }

            _tupleText.Append((byte)']');
            tuple = _tupleText.WrittenSpan;
        }

        var tuples = unique.Tuples;
        if (!tuples.TryAdd(tuple, rowOrdinal, _line, out var index))
        {
            var holder = tuples.GetEntry(index);
            if (!IsSuperseded(holder.RowOrdinal))
            {
                ThrowUniqueViolation(unique, tuple, tuples.GetAttached(index), holder.Line, id);
            }

            // The earlier holder was replaced by a later row of the same id: the value is free again.
            tuples.SetHolder(index, rowOrdinal, _line);
        }

        tuples.SetAttached(index, id);
    }

    private bool TryGetComponent(int component, ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, out ReadOnlySpan<byte> text)
    {
        switch (component)
        {
            case UniqueTracker.SourceComponent:
                text = source;
                return true;
            case UniqueTracker.TargetComponent:
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

    private bool IsSuperseded(int rowOrdinal) => _supersededOrdinals is not null && _supersededOrdinals.Contains(rowOrdinal);
}
