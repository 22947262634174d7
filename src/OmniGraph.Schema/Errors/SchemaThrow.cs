using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Schema;

/// <summary>Cold-path throw helpers that render the documented message shapes.</summary>
internal static class SchemaThrow
{
    [DoesNotReturn]
    public static void Parse(SourcePosition position, string reason) => throw ParseError(position, reason);

    [DoesNotReturn]
    public static T Parse<T>(SourcePosition position, string reason) => throw ParseError(position, reason);

    public static SchemaException ParseError(SourcePosition position, string reason) =>
        new(ErrorCodes.SchemaParseError,
            position.IsKnown ? $"parse error: {position}: {reason}" : $"parse error: {reason}",
            reason,
            position);

    [DoesNotReturn]
    public static void Catalog(string code, SourcePosition position, string reason) => throw CatalogError(code, position, reason);

    public static SchemaException CatalogError(string code, SourcePosition position, string reason, Exception? inner = null) =>
        new(code,
            position.IsKnown ? $"catalog error: {reason} (at {position})" : $"catalog error: {reason}",
            reason,
            position,
            inner);

    [DoesNotReturn]
    public static void InvalidIr(string reason, Exception? inner = null) =>
        throw new SchemaException(ErrorCodes.SchemaInvalidIr, $"invalid schema IR: {reason}", reason, default, inner);
}
