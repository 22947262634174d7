namespace OmniGraph.Loading.Export;

/// <summary>
/// A stored value has no JSON form a load could read back (a float that is not finite; a column of a type the load
/// format has no form for). The export stops; the output written so far must be discarded. Code <c>unexportable_value</c>.
/// </summary>
public sealed class UnexportableValueException : OmniGraphException
{
    /// <summary>The code.</summary>
    public const string ErrorCode = "unexportable_value";

    public UnexportableValueException(string property, string value)
        : base(ErrorCode, $"property '{property}' holds {value}, which the load format cannot represent")
    {
        Property = property;
    }

    /// <summary>The property whose value cannot be exported.</summary>
    public string Property { get; }
}
