namespace OmniGraph.Ingest;

/// <summary>
/// Parses consecutive <see cref="ParseChunk"/>s on up to <see cref="JsonlIntakeOptions.ParseParallelism"/> lanes at once
/// and hands the results to the merge strictly in input order. The calling thread is a lane too: it parses whatever
/// chunk is unclaimed while the next result it must merge is not ready, and waits only for a chunk another lane is
/// already parsing. So a busy thread pool slows the parse down to one lane but never stalls it, and one lane
/// (<c>ParseParallelism = 1</c>) is the same code with no helper at all.
/// </summary>
internal sealed class ParseLanes
{
    private readonly ChunkParser?[] _lanes;
    private readonly Func<ChunkParser> _createLane;

    public ParseLanes(int count, Func<ChunkParser> createLane)
    {
        _lanes = new ChunkParser?[count];
        _createLane = createLane;
    }

    /// <summary>How many chunks one <see cref="Run"/> should get: enough for every lane to stay busy, few enough to bound memory.</summary>
    public int ChunksPerRun => 8 * _lanes.Length;

    /// <summary>
    /// Parses <paramref name="chunks"/> and calls <paramref name="merge"/> with each result in order, on the calling
    /// thread. When <paramref name="merge"/> throws, the chunks not yet claimed are released unparsed and the helpers
    /// stop after the chunk each is parsing; the exception propagates.
    /// </summary>
    public void Run(IReadOnlyList<ParseChunk> chunks, Action<ParsedChunk> merge)
    {
        var run = new ChunkRun(chunks);
        try
        {
            var helpers = Math.Min(_lanes.Length - 1, chunks.Count - 1);
            for (var lane = 1; lane <= helpers; lane++)
            {
                var parser = Lane(lane);
                Task.Factory.StartNew(
                    static state =>
                    {
                        var (run, parser) = ((ChunkRun, ChunkParser))state!;
                        while (run.TryParseNext(parser))
                        {
                        }
                    },
                    (run, parser),
                    CancellationToken.None,
                    TaskCreationOptions.DenyChildAttach,
                    TaskScheduler.Default);
            }

            var own = Lane(0);
            for (var i = 0; i < chunks.Count; i++)
            {
                merge(run.Take(i, own));
            }
        }
        finally
        {
            run.ReleaseUnclaimed();
        }
    }

    private ChunkParser Lane(int index) => _lanes[index] ??= _createLane();

    /// <summary>The shared state of one run: the next chunk to claim and the results not yet merged.</summary>
    private sealed class ChunkRun
    {
        private readonly IReadOnlyList<ParseChunk> _chunks;
        private readonly ParsedChunk?[] _results;
        // A monitor, not a System.Threading.Lock: the merging thread waits on it (Monitor.Wait).
        private readonly object _gate = new();
        private int _next;

        public ChunkRun(IReadOnlyList<ParseChunk> chunks)
        {
            _chunks = chunks;
            _results = new ParsedChunk?[chunks.Count];
        }

        /// <summary>Claims the next unparsed chunk and parses it with <paramref name="lane"/>; <c>false</c> when none is left.</summary>
        public bool TryParseNext(ChunkParser lane)
        {
            var index = Interlocked.Increment(ref _next) - 1;
            if (index >= _chunks.Count)
            {
                return false;
            }

            ParsedChunk parsed;
            try
            {
                parsed = lane.Parse(_chunks[index]);
            }
            catch (Exception exception)
            {
                // Parse reports a bad line in its result; this is anything else (out of memory): the merge rethrows it.
                parsed = ParsedChunk.Failed(exception);
            }

            lock (_gate)
            {
                _results[index] = parsed;
                Monitor.PulseAll(_gate);
            }

            return true;
        }

        /// <summary>The result of chunk <paramref name="index"/>, parsing unclaimed chunks with <paramref name="lane"/> meanwhile.</summary>
        public ParsedChunk Take(int index, ChunkParser lane)
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_results[index] is { } ready)
                    {
                        _results[index] = null;
                        return ready;
                    }
                }

                if (!TryParseNext(lane))
                {
                    // Every chunk is claimed: this one is being parsed by another lane right now.
                    lock (_gate)
                    {
                        while (_results[index] is null)
                        {
                            Monitor.Wait(_gate);
                        }

                        var parsed = _results[index]!;
                        _results[index] = null;
                        return parsed;
                    }
                }
            }
        }

        /// <summary>Claims every chunk no lane has taken, so none will be, and gives their buffers back.</summary>
        public void ReleaseUnclaimed()
        {
            int index;
            while ((index = Interlocked.Increment(ref _next) - 1) < _chunks.Count)
            {
                _chunks[index].Release();
            }
        }
    }
}
