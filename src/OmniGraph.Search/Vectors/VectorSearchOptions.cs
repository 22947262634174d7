using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// When <c>nearest</c> scans exactly and when it uses the approximate index, and how that index is built. A silo takes
/// them from <c>OmniGraphOptions.VectorSearch</c> (checked on start).
/// </summary>
public sealed record VectorSearchOptions
{
    /// <summary>Up to this many searchable rows every search is exact (and no index is built): a scan of them is cheap.</summary>
    public int ExactThreshold { get; set; } = 20_000;

    /// <summary>
    /// A filtered search whose candidates are fewer than this share of the searchable rows scans them exactly: a graph
    /// walk would visit mostly non-candidates, while the scan touches only candidates.
    /// </summary>
    public double FilteredExactShare { get; set; } = 0.05;

    /// <summary>The largest candidate list a filtered graph search widens to (ef grows as the filter's share shrinks).</summary>
    public int MaxFilteredEf { get; set; } = 2_048;

    /// <summary>
    /// The largest share of an earlier index's nodes that may be deleted rows for the next version to extend that index
    /// rather than rebuild (a deleted node is walked through but never returned, so many of them slow the search).
    /// </summary>
    public double MaxDeadShare { get; set; } = 0.2;

    /// <summary>The graph's parameters.</summary>
    public HnswOptions Hnsw { get; set; } = new();

    /// <summary>Refuses settings out of range (the first one found), the graph's included.</summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>.</exception>
    public void Validate()
    {
        if (ExactThreshold < 0)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"The exact-search threshold cannot be negative, got {ExactThreshold}."));
        }

        if (!(FilteredExactShare >= 0 && FilteredExactShare <= 1))
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"The filtered exact share must be between 0 and 1, got {FilteredExactShare}."));
        }

        if (!(MaxDeadShare >= 0 && MaxDeadShare <= 1))
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"The largest dead share must be between 0 and 1, got {MaxDeadShare}."));
        }

        if (MaxFilteredEf < 1)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"The largest filtered ef must be at least 1, got {MaxFilteredEf}."));
        }

        ArgumentNullException.ThrowIfNull(Hnsw);
        Hnsw.Validate();
    }
}
