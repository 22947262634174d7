namespace OmniGraph;

/// <summary>The details of an error about source text (a schema, a query): the reason and, when known, where.</summary>
public static class SourceErrorDetails
{
    /// <summary>
    /// <see cref="ErrorDetail.Reason"/>, plus <see cref="ErrorDetail.Line"/> and <see cref="ErrorDetail.Column"/> when
    /// <paramref name="line"/> is a position (1-based; 0 means none).
    /// </summary>
    public static ErrorDetails Of(string reason, int line, int column, params IEnumerable<KeyValuePair<string, object?>> more) =>
        line > 0
            ? ErrorDetails.Of([ErrorDetail.Reason.With(reason), ErrorDetail.Line.With(line), ErrorDetail.Column.With(column), .. more])
            : ErrorDetails.Of([ErrorDetail.Reason.With(reason), .. more]);
}
