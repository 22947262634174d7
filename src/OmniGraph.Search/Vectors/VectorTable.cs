using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using OmniGraph.Arrow;

namespace OmniGraph.Search;

/// <summary>
/// The vectors of one <c>Vector(N)</c> property at one table version, read in place from the fragments' fixed-size-list
/// columns (no copy): which rows are searchable (non-null and not deleted), their distance to a query under the
/// property's <see cref="VectorMetric"/>, and the exact (brute-force, SIMD) nearest-neighbour scan. Rows are also
/// numbered globally (fragment starts + row) for the approximate index.
/// </summary>
public sealed partial class VectorTable
{
    private readonly PrimitiveColumn<float>[] _values;
    private readonly int[] _fragmentStarts;
    private readonly RowSet[] _searchable;
    private readonly float[]?[] _inverseNorms;

    private VectorTable(int dimension, VectorMetric metric, PrimitiveColumn<float>[] values, int[] fragmentStarts, RowSet[] searchable, float[]?[] inverseNorms)
    {
        Dimension = dimension;
        Metric = metric;
        _values = values;
        _fragmentStarts = fragmentStarts;
        _searchable = searchable;
        _inverseNorms = inverseNorms;
        SearchableRows = searchable.Sum(static set => (long)set.Count);
    }

    /// <summary>N: components per vector.</summary>
    public int Dimension { get; }

    /// <summary>The distance measure.</summary>
    public VectorMetric Metric { get; }

    /// <summary>Fragments of the version.</summary>
    public int FragmentCount => _values.Length;

    /// <summary>Rows over all fragments (the global numbering's size), searchable or not.</summary>
    public int TotalRows => _fragmentStarts[^1];

    /// <summary>Rows with a vector that are not deleted.</summary>
    public long SearchableRows { get; }

    internal IReadOnlyList<int> FragmentRows => [.. Enumerable.Range(0, _values.Length).Select(f => _fragmentStarts[f + 1] - _fragmentStarts[f])];

    /// <summary>
    /// The vectors of the version's fragments (one fixed-size-list column each, in fragment order) with their deletion
    /// masks. Every stored vector is checked to be finite once, here.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.NotVectorColumn"/>, <see cref="SearchErrorCodes.DimensionMismatch"/>,
    /// <see cref="SearchErrorCodes.VectorNotFinite"/> (a stored vector), <see cref="SearchErrorCodes.ShapeMismatch"/> (masks).</exception>
    public static VectorTable Create(int dimension, VectorMetric metric, IReadOnlyList<ArrowColumn> fragments, IReadOnlyList<RowSet?>? deletions = null)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        if (dimension < 1 || dimension > SearchLimits.MaxDimension)
        {
            SearchThrow.Error(SearchErrorCodes.NotVectorColumn, string.Create(CultureInfo.InvariantCulture, $"T15: a vector property has 1 to {SearchLimits.MaxDimension:N0} components, not {dimension}."));
        }

        if (!Enum.IsDefined(metric))
        {
            SearchThrow.Options($"Unknown vector metric {metric}.");
        }

        if (deletions is not null && deletions.Count != fragments.Count)
        {
            SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"{deletions.Count} deletion masks were given for {fragments.Count} fragments."));
        }

        var values = new PrimitiveColumn<float>[fragments.Count];
        var starts = new int[fragments.Count + 1];
        var searchable = new RowSet[fragments.Count];
        var inverseNorms = new float[]?[fragments.Count];
        for (var f = 0; f < fragments.Count; f++)
        {
            var column = fragments[f];
            if (column is not FixedSizeListColumn { Values: PrimitiveColumn<float> floats } list)
            {
                SearchThrow.Error(SearchErrorCodes.NotVectorColumn, $"T15: nearest needs a Vector property (a fixed-size list of Float32); fragment {f}'s column is {column?.Type.ToString() ?? "missing"}.");
                return null!;
            }

            if (list.ListSize != dimension)
            {
                SearchThrow.Error(SearchErrorCodes.DimensionMismatch, string.Create(CultureInfo.InvariantCulture, $"T15: the property is Vector({dimension}) but fragment {f} holds vectors of {list.ListSize} components."));
            }

            var deleted = deletions?[f];
            if (deleted is not null && deleted.Length != list.Length)
            {
                SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"The deletion mask of fragment {f} is over {deleted.Length} rows but the fragment has {list.Length}."));
            }

            starts[f + 1] = checked(starts[f] + list.Length);
            values[f] = floats;
            searchable[f] = Searchable(list, deleted);
            inverseNorms[f] = metric == VectorMetric.Cosine ? InverseNorms(floats.Values, dimension, list.Length) : null;
            CheckFinite(floats.Values, dimension, searchable[f], f);
        }

        return new VectorTable(dimension, metric, values, starts, searchable, inverseNorms);
    }

    /// <summary>The distance between <paramref name="query"/> and the vector of a row (any row with a vector).</summary>
    public double DistanceTo(ReadOnlySpan<float> query, RowLocation row)
    {
        var prepared = Prepare(query);
        return Distance(query, prepared, row.Fragment, row.Row);
    }

    /// <summary>Checks a query vector (length, finite, not zero for cosine) and returns its inverse norm (1 for L2).</summary>
    internal float Prepare(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimension)
        {
            SearchThrow.Error(SearchErrorCodes.DimensionMismatch, string.Create(CultureInfo.InvariantCulture, $"T15: the query vector has {query.Length} components but the property is Vector({Dimension})."));
        }

        if (!TensorPrimitives.IsFiniteAll(query))
        {
            SearchThrow.Error(SearchErrorCodes.VectorNotFinite, "The query vector holds NaN or an infinity; every component must be a finite number.");
        }

        if (Metric == VectorMetric.L2)
        {
            return 1;
        }

        var norm = TensorPrimitives.Norm(query);
        if (norm == 0 || !float.IsFinite(norm))
        {
            SearchThrow.Error(SearchErrorCodes.VectorZero, "The query vector is all zeros (or too large to normalize); cosine distance needs a direction.");
        }

        return 1 / norm;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<float> Vector(int fragment, int row) => _values[fragment].Values.Slice(row * Dimension, Dimension);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float Distance(ReadOnlySpan<float> query, float queryInverseNorm, int fragment, int row)
    {
        var vector = Vector(fragment, row);
        return Metric == VectorMetric.L2
            ? TensorPrimitives.Distance(query, vector)
            : 1 - (TensorPrimitives.Dot(query, vector) * queryInverseNorm * _inverseNorms[fragment]![row]);
    }

    internal RowSet Searchable(int fragment) => _searchable[fragment];

    /// <summary>The row of global number <paramref name="node"/>.</summary>
    internal RowLocation Locate(int node)
    {
        if (_fragmentStarts.Length == 2)
        {
            return new RowLocation(0, node);
        }

        var index = Array.BinarySearch(_fragmentStarts, node);
        var fragment = index >= 0 ? index : ~index - 1;
        while (_fragmentStarts[fragment + 1] == _fragmentStarts[fragment])
        {
            fragment++;
        }

        return new RowLocation(fragment, node - _fragmentStarts[fragment]);
    }

    internal int FragmentStart(int fragment) => _fragmentStarts[fragment];

    /// <summary>Searchable rows of the first <paramref name="fragments"/> fragments.</summary>
    internal long SearchableRowsIn(int fragments)
    {
        long rows = 0;
        for (var f = 0; f < fragments; f++)
        {
            rows += _searchable[f].Count;
        }

        return rows;
    }

    /// <summary>
    /// Whether this version begins with every fragment of <paramref name="older"/>, the very same column memory in the
    /// same order, with the same dimension and metric: then an index over <paramref name="older"/> addresses the same
    /// vectors here under the same global row numbers (what appending fragments keeps).
    /// </summary>
    internal bool ExtendsVersion(VectorTable older)
    {
        if (older.Dimension != Dimension || older.Metric != Metric || older.FragmentCount > FragmentCount)
        {
            return false;
        }

        for (var f = 0; f < older.FragmentCount; f++)
        {
            if (!ReferenceEquals(older._values[f], _values[f]) || older._fragmentStarts[f + 1] != _fragmentStarts[f + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The inverse norm of a row's vector (1 for L2, 0 for a zero vector).</summary>
    internal float InverseNorm(int fragment, int row) => _inverseNorms[fragment]?[row] ?? 1;

    private static RowSet Searchable(FixedSizeListColumn column, RowSet? deleted)
    {
        var words = new ulong[RowSet.WordCount(column.Length)];
        for (var row = 0; row < column.Length; row++)
        {
            if (column.IsValid(row) && (deleted is null || !deleted.Contains(row)))
            {
                words[row >> 6] |= 1UL << row;
            }
        }

        return RowSet.FromWords(column.Length, words);
    }

    private static float[] InverseNorms(ReadOnlySpan<float> values, int dimension, int rows)
    {
        var inverse = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            var norm = TensorPrimitives.Norm(values.Slice(row * dimension, dimension));
            inverse[row] = norm > 0 && float.IsFinite(norm) ? 1 / norm : 0;
        }

        return inverse;
    }

    private static void CheckFinite(ReadOnlySpan<float> values, int dimension, RowSet searchable, int fragment)
    {
        if (TensorPrimitives.IsFiniteAll(values))
        {
            return;
        }

        foreach (var row in searchable.ToRows())
        {
            if (!TensorPrimitives.IsFiniteAll(values.Slice(row * dimension, dimension)))
            {
                SearchThrow.Error(SearchErrorCodes.VectorNotFinite, string.Create(CultureInfo.InvariantCulture, $"The stored vector of row {row} in fragment {fragment} holds NaN or an infinity; it cannot be searched."));
            }
        }
    }
}
