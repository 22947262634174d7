using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// BM25's two constants. The spec names none, so the defaults are the usual ones (Robertson; Lucene's and Lance's):
/// k1 = 1.2 (how fast repeated terms saturate), b = 0.75 (how much a long row is discounted).
/// </summary>
public sealed record Bm25Parameters(double K1 = 1.2, double B = 0.75)
{
    /// <summary>k1 = 1.2, b = 0.75.</summary>
    public static Bm25Parameters Default { get; } = new();

    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>: k1 is negative or not finite, or b is outside [0, 1].</exception>
    internal void Validate()
    {
        if (!double.IsFinite(K1) || K1 < 0)
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"BM25 k1 must be a finite number >= 0, got {K1}."));
        }

        if (!(B >= 0 && B <= 1))
        {
            SearchThrow.Options(string.Create(CultureInfo.InvariantCulture, $"BM25 b must be between 0 and 1, got {B}."));
        }
    }
}
