using OmniGraph.Schema;
using OmniGraph.Search;

namespace OmniGraph.Tables.Search;

/// <summary>
/// The search settings a schema gives a property through annotations (docs/search.md §2): <c>@analyzer("name")</c> on a
/// String property picks its text analyzer (<c>english</c> when absent), <c>@metric("cosine")</c> on a Vector property
/// makes <c>nearest</c> use cosine distance (<c>l2</c>, the default, otherwise).
/// </summary>
internal static class SearchProperties
{
    /// <summary>The annotation naming a String property's analyzer.</summary>
    public const string AnalyzerAnnotation = "analyzer";

    /// <summary>The annotation naming a Vector property's distance.</summary>
    public const string MetricAnnotation = "metric";

    /// <summary>The analyzer of <paramref name="property"/>.</summary>
    /// <exception cref="OmniGraphException"><c>search_analyzer_unknown</c>: the annotation names no analyzer.</exception>
    public static TextAnalyzer AnalyzerOf(Property? property) =>
        TextAnalyzers.Get(Annotation(property, AnalyzerAnnotation) ?? TextAnalyzers.DefaultName);

    /// <summary>The distance of <paramref name="property"/>.</summary>
    /// <exception cref="OmniGraphException"><c>search_options_invalid</c>: the annotation names another metric.</exception>
    public static VectorMetric MetricOf(Property? property) => Annotation(property, MetricAnnotation)?.ToLowerInvariant() switch
    {
        null or "l2" or "euclidean" => VectorMetric.L2,
        "cosine" => VectorMetric.Cosine,
        var other => throw new OmniGraphException(
            ErrorCodes.SearchOptionsInvalid,
            $"@metric(\"{other}\") on {property!.QualifiedName} names no distance; use \"l2\" (the default) or \"cosine\"."),
    };

    private static string? Annotation(Property? property, string name)
    {
        if (property is null)
        {
            return null;
        }

        foreach (var annotation in property.CustomAnnotations)
        {
            if (string.Equals(annotation.Name, name, StringComparison.Ordinal) && annotation.Value is { } value)
            {
                return value.Text;
            }
        }

        return null;
    }
}
