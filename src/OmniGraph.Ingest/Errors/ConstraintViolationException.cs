namespace OmniGraph.Ingest;

/// <summary>
/// A value breaks a schema constraint: a required property is missing or null
/// (<c>non-nullable property 'age' has null or invalid values</c>), an enum value is not in the set
/// (<c>invalid enum value 'x' for Person.role (expected: …)</c>), <c>@range</c>
/// (<c>@range violation on Person.age: value 130 &gt; max 120</c>) or <c>@check</c>
/// (<c>@check violation on T.p: value 'v' does not match pattern 'regex'</c>). Code <c>constraint_violation</c>.
/// </summary>
public sealed class ConstraintViolationException : IngestException
{
    internal ConstraintViolationException(long line, string reason, string field, string tableName)
        : base(IngestErrorCodes.ConstraintViolation, AtLine(line, reason), reason, line, field, tableName, null)
    {
    }
}
