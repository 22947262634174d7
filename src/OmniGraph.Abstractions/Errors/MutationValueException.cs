namespace OmniGraph.Engine;

/// <summary>
/// A value a mutation writes is refused by the schema, for example <c>invalid enum value 'superadmin' for Person.role
/// (expected: admin, guest, member)</c>, <c>@range violation on Person.age: value 300 &gt; max 200</c>,
/// <c>@check violation on Order.code: value 'invalid' does not match pattern '^[A-Z]{3}-[0-9]+$'</c> or
/// <c>vector property 'embedding' expects 3 dimensions, got 2</c>. Nothing was written. <see cref="OmniGraphException.Code"/>
/// is <c>constraint_violation</c>, <c>invalid_data</c> or <c>policy_denied</c> (see <see cref="MutationErrorCodes"/>); HTTP 400.
/// </summary>
public sealed class MutationValueException : OmniGraphException
{
    public MutationValueException(string code, string typeName, string propertyName, string message)
        : base(code, message)
    {
        TypeName = typeName;
        PropertyName = propertyName;
    }

    /// <summary>The node or edge type written.</summary>
    public string TypeName { get; }

    /// <summary>The property (or <c>from</c>/<c>to</c> for an edge endpoint).</summary>
    public string PropertyName { get; }
}
