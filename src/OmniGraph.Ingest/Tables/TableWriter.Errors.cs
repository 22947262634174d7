using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>Cold throw paths of the merge: the rules that compare a row with earlier rows of the file.</summary>
internal sealed partial class TableWriter
{
    [DoesNotReturn]
    private void ThrowDuplicateKey(ReadOnlySpan<byte> id, long firstLine)
    {
        var key = ((NodeType)Type).Key!;
        var display = key.PropertyNames.Length == 1 ? key.PropertyNames[0] : $"({string.Join(", ", key.PropertyNames)})";
        var value = JsonStrings.Excerpt(id, int.MaxValue);
        throw IngestException.UniqueViolation(
            _line,
            $"@unique violation on {Type.Name}.{display}: value '{value}' held by '{value}' (line {firstLine}) and '{value}' (line {_line})",
            display,
            TableName,
            value,
            value,
            firstLine,
            value);
    }

    [DoesNotReturn]
    private void ThrowUniqueViolation(UniqueTracker unique, ReadOnlySpan<byte> tuple, ReadOnlySpan<byte> holderId, long holderLine, ReadOnlySpan<byte> id)
    {
        var display = unique.Constraint.ColumnDisplay;
        var value = JsonStrings.Excerpt(tuple, int.MaxValue);
        var first = JsonStrings.Excerpt(holderId, int.MaxValue);
        var second = JsonStrings.Excerpt(id, int.MaxValue);
        throw IngestException.UniqueViolation(
            _line,
            $"@unique violation on {Type.Name}.{display}: value '{value}' held by '{first}' (line {holderLine}) and '{second}' (line {_line})",
            display,
            TableName,
            value,
            first,
            holderLine,
            second);
    }
}
