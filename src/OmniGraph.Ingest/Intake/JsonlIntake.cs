using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// The strict JSONL intake: a push parser that turns load records into per-table Arrow record batches.
/// <para>
/// Feed the input with <see cref="Feed"/> in chunks of any size (boundaries may fall anywhere, inside a line or a
/// UTF-8 sequence), take the fragments that fill up with <see cref="TryTakeFragment"/> after each call (write them
/// out, then feed on: memory stays bounded), and finish with <see cref="Complete"/>, which emits the remaining
/// partial fragments and returns the counts and the within-file facts for validation against committed data.
/// </para>
/// <para>
/// Each non-blank line is one record, <c>{"type":T,"data":{…}}</c> or <c>{"edge":E,"from":id,"to":id,"data":{…}}</c>.
/// The input is cut at line boundaries into parse chunks (<see cref="JsonlIntakeOptions.ParseChunkBytes"/>), which up to
/// <see cref="JsonlIntakeOptions.ParseParallelism"/> lanes read at once with a <see cref="Utf8JsonReader"/> straight into
/// chunk-local column builders; the chunks' rows are then merged strictly in input order (ids minted, duplicates found,
/// fragments cut), so the result does not depend on the number of lanes. Every rule that needs only the load
/// itself is checked here (JSON, envelope, types, values, required, enum, <c>@range</c>, <c>@check</c>, vector
/// dimensions, ids, <c>@key</c>/<c>@unique</c> duplicates, explicit-id duplicates per <see cref="LoadMode"/>); the
/// first violation throws an <see cref="IngestException"/> naming the line and field, and the intake is then
/// faulted. Fragments taken before the error must be discarded by the caller: a failed load changes nothing.
/// </para>
/// </summary>
/// <remarks>Not thread-safe: one producer feeds it (the parse lanes are its own helpers, done when a call returns).</remarks>
public sealed partial class JsonlIntake
{
    private readonly JsonlIntakeOptions _options;
    private readonly Func<int, Ulid> _reserveIds;
    private readonly Queue<IntakeFragment> _fragments = new();
    private readonly Dictionary<GraphElementType, TableWriter> _tables = [];
    private readonly ByteBuffer _carry = new(4096);
    private readonly ParseLanes _lanes;
    private Exception? _fault;
    private bool _completed;

    /// <summary>Creates an intake for one load.</summary>
    /// <param name="catalog">The schema the records are validated against.</param>
    /// <param name="mode">The load mode; it decides the within-file rule for repeated explicit ids.</param>
    /// <param name="options">Fragment sizes and limits; <c>null</c> for the defaults.</param>
    /// <param name="idRanges">
    /// Mints ids for unkeyed rows without <c>data.id</c>: reserves the given number of consecutive ids (the first and its
    /// successors, <see cref="Ulid.Plus"/>) and returns the first; default <see cref="Ulid.NewUlidRange(int)"/>. Each table
    /// takes ranges of a fixed size as it needs them, so the ids depend only on the input and the ranges returned.
    /// </param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public JsonlIntake(SchemaCatalog catalog, LoadMode mode, JsonlIntakeOptions? options = null, Func<int, Ulid>? idRanges = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode");
        }

        options ??= new JsonlIntakeOptions();
        JsonlIntakeOptionsValidator.ThrowIfInvalid(options);
        _options = options.Copy();
        var laneOptions = _options;
        _lanes = new ParseLanes(_options.ParseParallelism, () => new ChunkParser(catalog, laneOptions));
        _reserveIds = idRanges ?? Ulid.NewUlidRange;
        Mode = mode;
    }

    /// <summary>The load mode.</summary>
    public LoadMode Mode { get; }

    /// <summary>Physical lines completed so far (blank ones included).</summary>
    public long LinesRead { get; private set; }

    /// <summary>Records (non-blank lines) read so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Fragments emitted and not yet taken.</summary>
    public int PendingFragmentCount => _fragments.Count;

    /// <summary>
    /// Takes the oldest emitted fragment. Full fragments come in the order they filled; the partial ones
    /// <see cref="Complete"/> emits follow in table order (node tables by name, then edge tables by name).
    /// </summary>
    public bool TryTakeFragment([NotNullWhen(true)] out IntakeFragment? fragment) => _fragments.TryDequeue(out fragment);

    /// <summary>
    /// Completes the input: reads a final line without a line break, emits every table's remaining rows as a last
    /// (partial) fragment, and returns the load's counts and per-table facts. Take the remaining fragments afterwards.
    /// </summary>
    /// <exception cref="IngestException">The final line is invalid.</exception>
    /// <exception cref="InvalidOperationException">The intake already completed or failed.</exception>
    public IntakeResult Complete()
    {
        EnsureUsable();
        try
        {
            if (_carry.Length > 0)
            {
                // The last line has no line break.
                var last = new ParseChunk(_carry.WrittenSpan, default, _nextLine++);
                _carry.Release(4096);
                _lanes.Run([last], Merge);
            }

            _completed = true;
            var ordered = _tables.Values
                .OrderBy(static t => t.IsEdge)
                .ThenBy(static t => t.Type.Name, StringComparer.Ordinal)
                .ToArray();
            var summaries = new TableIntakeSummary[ordered.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                ordered[i].Flush();
                summaries[i] = ordered[i].BuildSummary();
            }

            return new IntakeResult(Mode, LinesRead, RecordsRead, [.. summaries]);
        }
        catch (Exception exception)
        {
            _fault = exception;
            throw;
        }
    }

    private void EnsureUsable()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("The intake failed and cannot continue; see the inner exception for the first error.", _fault);
        }

        if (_completed)
        {
            throw new InvalidOperationException("The intake has completed; start a new one for another load.");
        }
    }

    private TableWriter GetTable(TableShape shape)
    {
        if (!_tables.TryGetValue(shape.Type, out var table))
        {
            table = new TableWriter(shape, Mode, _options, _reserveIds, _fragments);
            _tables.Add(shape.Type, table);
        }

        return table;
    }
}
