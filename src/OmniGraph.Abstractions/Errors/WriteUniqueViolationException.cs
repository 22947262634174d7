namespace OmniGraph.Engine;

/// <summary>
/// Two live rows of the written graph image would hold the same <c>@key</c> or <c>@unique</c> value:
/// <c>@unique violation on User.email: value 'x' held by 'a' and 'b'</c>. Nothing was written.
/// Code <c>unique_violation</c> (HTTP 400).
/// </summary>
public sealed class WriteUniqueViolationException : OmniGraphException
{
    public WriteUniqueViolationException(string typeName, string columns, string value, string firstHolder, string secondHolder)
        : base(EngineErrorCodes.UniqueViolation, $"@unique violation on {typeName}.{columns}: value '{value}' held by '{firstHolder}' and '{secondHolder}'")
    {
        TypeName = typeName;
        Columns = columns;
        Value = value;
        FirstHolder = firstHolder;
        SecondHolder = secondHolder;
    }

    /// <summary>The type name.</summary>
    public string TypeName { get; }

    /// <summary>The constrained columns as messages show them (<c>email</c> or <c>(source, external_id)</c>).</summary>
    public string Columns { get; }

    /// <summary>The duplicated value (a composite as <c>(a, b)</c>).</summary>
    public string Value { get; }

    /// <summary>The id of the row that holds the value first (a committed row, or the earlier row of the write).</summary>
    public string FirstHolder { get; }

    /// <summary>The id of the write's row that repeats it.</summary>
    public string SecondHolder { get; }
}
