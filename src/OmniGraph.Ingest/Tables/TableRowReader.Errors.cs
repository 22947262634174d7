using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>Cold throw paths of the table writer; each renders the documented message for the current line.</summary>
internal sealed partial class TableRowReader
{
    [DoesNotReturn]
    private void ThrowInvalid(string reason, string field) =>
        throw IngestException.At(_line, reason, field, TableName);

    [DoesNotReturn]
    private void ThrowDuplicateMember(ReadOnlySpan<byte> name) =>
        throw IngestException.InvalidJson(_line, StrictJsonValidator.DuplicateMember(JsonStrings.Excerpt(name)));

    [DoesNotReturn]
    private void ThrowUnknownDataField(ReadOnlySpan<byte> name)
    {
        var field = JsonStrings.Excerpt(name);
        if (IsReservedPhysicalName(name))
        {
            ThrowInvalid($"data field '{field}' is reserved physical state", field);
        }

        if (IsEdge && (name.SequenceEqual("src"u8) || name.SequenceEqual("dst"u8)))
        {
            ThrowInvalid($"edge data field '{field}' is reserved structural state (use the record's 'from' and 'to')", field);
        }

        throw IngestException.UnknownField(_line, $"unknown input field '{field}' for '{TableName}'", field, TableName);
    }

    [DoesNotReturn]
    private void ThrowMissingRequired(PropertyColumn column)
    {
        if (column.IsKeyMember)
        {
            ThrowInvalid($"node {Type.Name} missing @key property '{column.Name}'", column.Name);
        }

        throw IngestException.ConstraintViolation(_line, $"non-nullable property '{column.Name}' has null or invalid values", column.Name, TableName);
    }

    [DoesNotReturn]
    private T ThrowTypeMismatch<T>(PropertyColumn column, ref Utf8JsonReader reader, int item)
    {
        var got = JsonStrings.DescribeToken(ref reader);
        ThrowInvalid(
            item == ItemIsTopLevel
                ? $"strict property '{column.Name}' expects {column.ExpectedName}, got {got}"
                : $"strict property '{column.Name}' item {item} expects {ExpectedTypeNames.Of(column.Scalar)}, got {got}",
            column.Name);
        return default;
    }

    [DoesNotReturn]
    private T ThrowOutOfRange<T>(PropertyColumn column, ref Utf8JsonReader reader, int item, string rangeName)
    {
        var value = JsonStrings.Excerpt(reader.ValueSpan);
        ThrowInvalid(
            item == ItemIsTopLevel
                ? $"property '{column.Name}' value {value} exceeds {rangeName} range"
                : $"property '{column.Name}' item {item} value {value} exceeds {rangeName} range",
            column.Name);
        return default;
    }

    [DoesNotReturn]
    private void ThrowInvalidLiteral(PropertyColumn column, string kind, ReadOnlySpan<byte> text, int item)
    {
        var where = item == ItemIsTopLevel ? $"property '{column.Name}'" : $"property '{column.Name}' item {item}";
        var forms = kind == "Date"
            ? "expected \"YYYY-MM-DD\" or an integer day count"
            : "expected an RFC 3339 date-time such as \"2024-06-01T12:00:00Z\" or integer milliseconds";
        ThrowInvalid($"invalid {kind} literal '{JsonStrings.Excerpt(text)}' for {where} ({forms})", column.Name);
    }

    [DoesNotReturn]
    private void ThrowExternalBlob(PropertyColumn column, ReadOnlySpan<byte> text) =>
        throw IngestException.ExternalBlobDenied(
            _line,
            $"property '{column.Name}' holds an external blob reference '{JsonStrings.Excerpt(text)}': external blob references are not allowed by policy; supply the bytes inline as \"base64:…\"",
            column.Name,
            TableName);

    [DoesNotReturn]
    private void ThrowInvalidBlob(PropertyColumn column) =>
        ThrowInvalid($"property '{column.Name}' holds invalid base64 data (expected standard, padded base64 after \"base64:\")", column.Name);

    [DoesNotReturn]
    private void ThrowInvalidEnum(PropertyColumn column, ReadOnlySpan<byte> text) =>
        throw IngestException.ConstraintViolation(
            _line,
            $"invalid enum value '{JsonStrings.Excerpt(text)}' for {Type.Name}.{column.Name} (expected: {string.Join(", ", column.Property.Type.EnumValues)})",
            column.Name,
            TableName);

    [DoesNotReturn]
    private void ThrowRangeViolation(PropertyColumn column, RangeConstraint range, RangeViolation violation, string valueText) =>
        throw IngestException.ConstraintViolation(_line, range.FormatViolation(violation, valueText), column.Name, TableName);

    [DoesNotReturn]
    private void ThrowCheckViolation(PropertyColumn column, CheckConstraint check, ReadOnlySpan<byte> text) =>
        throw IngestException.ConstraintViolation(_line, check.FormatViolation(Encoding.UTF8.GetString(text)), column.Name, TableName);

    [DoesNotReturn]
    private void ThrowExplicitIdMismatch(ReadOnlySpan<byte> key) =>
        ThrowInvalid($"explicit id '{JsonStrings.Excerpt(ExplicitId)}' does not match its canonical @key id '{JsonStrings.Excerpt(key)}'", "id");
}
