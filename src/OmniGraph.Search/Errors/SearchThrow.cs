using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// Throw helpers of the search engine: every refusal is an <see cref="OmniGraphException"/> with a
/// <see cref="SearchErrorCodes"/> code, raised before any state changes.
/// </summary>
internal static class SearchThrow
{
    [DoesNotReturn]
    public static void Error(string code, string message) => throw new OmniGraphException(code, message);

    public static void IfEmptyQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            Error(SearchErrorCodes.QueryEmpty, "The search query is empty; give at least one word to search for.");
        }

        if (query.Length > SearchLimits.MaxQueryChars)
        {
            Error(SearchErrorCodes.QueryTooLong, string.Create(CultureInfo.InvariantCulture, $"The search query has {query.Length:N0} characters; at most {SearchLimits.MaxQueryChars:N0} are accepted."));
        }
    }

    public static void IfLimitInvalid(int limit)
    {
        if (limit < 1)
        {
            Error(SearchErrorCodes.LimitInvalid, string.Create(CultureInfo.InvariantCulture, $"T17: a ranked search requires a limit of at least 1, got {limit}."));
        }
    }

    [DoesNotReturn]
    public static void Shape(string message) => Error(SearchErrorCodes.ShapeMismatch, message);

    [DoesNotReturn]
    public static void Options(string message) => Error(SearchErrorCodes.OptionsInvalid, message);
}
