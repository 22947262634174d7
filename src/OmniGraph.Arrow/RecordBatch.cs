namespace OmniGraph.Arrow;

/// <summary>
/// A schema plus one column per field, all of the same length. Construction validates the shape, so a batch
/// in hand is always consistent: column count = field count, each column's type equals its field's type, every
/// column has <see cref="Length"/> slots, and non-nullable fields hold no nulls.
/// </summary>
public sealed class RecordBatch
{
    private readonly ArrowColumn[] _columns;

    /// <summary>Creates a batch; its length is the columns' common length (0 when the schema has no fields).</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_schema_mismatch</c>: The columns disagree with the schema.</exception>
    public RecordBatch(ArrowSchema schema, IEnumerable<ArrowColumn> columns)
        : this(schema, columns, length: null)
    {
    }

    /// <summary>Creates a batch of an explicit length (needed for a batch without columns).</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_schema_mismatch</c>: The columns disagree with the schema or the length.</exception>
    public RecordBatch(ArrowSchema schema, IEnumerable<ArrowColumn> columns, int length)
        : this(schema, columns, (int?)length)
    {
    }

    private RecordBatch(ArrowSchema schema, IEnumerable<ArrowColumn> columns, int? length)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        Schema = schema;
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A batch length cannot be negative.");
        }

        if (_columns.Length != schema.FieldCount)
        {
            Internal.ThrowHelper.ThrowSchemaMismatch($"The schema has {schema.FieldCount} fields but {_columns.Length} columns were given.");
        }

        Length = length ?? (_columns.Length > 0 ? _columns[0]?.Length ?? 0 : 0);
        for (var i = 0; i < _columns.Length; i++)
        {
            var field = schema.Fields[i];
            var column = _columns[i];
            if (column is null)
            {
                throw new ArgumentException($"Column {i} ('{field.Name}') is null.", nameof(columns));
            }

            if (!column.Type.Equals(field.Type))
            {
                Internal.ThrowHelper.ThrowSchemaMismatch($"Column {i} ('{field.Name}') has type {column.Type} but the field is {field.Type}.");
            }

            if (column.Length != Length)
            {
                Internal.ThrowHelper.ThrowSchemaMismatch($"Column {i} ('{field.Name}') has {column.Length} values but the batch has {Length} rows.");
            }

            if (!field.IsNullable && column.NullCount > 0)
            {
                Internal.ThrowHelper.ThrowSchemaMismatch($"Column {i} ('{field.Name}') holds {column.NullCount} nulls but the field is not nullable.");
            }
        }
    }

    public ArrowSchema Schema { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<ArrowColumn> Columns => _columns;

    public int ColumnCount => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public ArrowColumn Column(int index) => _columns[index];

    /// <summary>The column of the first field named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name.</exception>
    public ArrowColumn Column(string name)
    {
        var index = Schema.GetFieldIndex(name);
        return index >= 0 ? _columns[index] : throw new KeyNotFoundException($"The batch has no column '{name}'.");
    }

    /// <summary>A zero-copy view of <paramref name="length"/> rows starting at <paramref name="offset"/>.</summary>
    public RecordBatch Slice(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Slice [{offset}, {offset}+{length}) is outside a batch of {Length} rows.");
        }

        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = _columns[i].Slice(offset, length);
        }

        return new RecordBatch(Schema, columns, length);
    }

    /// <summary>Equal schemas, lengths and column contents (see <see cref="ArrowColumn.ContentEquals"/>).</summary>
    public bool ContentEquals(RecordBatch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Schema.Equals(other.Schema) || Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_columns[i].ContentEquals(other._columns[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"RecordBatch[{Length} rows] {Schema}";
}
