namespace OmniGraph.Engine;

/// <summary>An export names a type the graph's schema does not declare: <c>unknown export type 'X'</c>. Code <c>unknown_type</c> (HTTP 400).</summary>
public sealed class UnknownExportTypeException : OmniGraphException
{
    /// <summary>The code, shared with the load intake's unknown-type errors.</summary>
    public const string ErrorCode = "unknown_type";

    public UnknownExportTypeException(string typeName)
        : base(ErrorCode, $"unknown export type '{typeName}'")
    {
        TypeName = typeName;
    }

    /// <summary>The type name that was asked for.</summary>
    public string TypeName { get; }
}
