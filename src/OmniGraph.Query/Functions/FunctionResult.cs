using OmniGraph.Schema;

namespace OmniGraph.Query.Functions;

/// <summary>When a function's result is null.</summary>
public enum ResultNullability
{
    /// <summary>Null exactly when an argument is null (null in, null out).</summary>
    FromArguments,

    /// <summary>Never null.</summary>
    Never,

    /// <summary>May be null whatever the arguments (an aggregate over no value).</summary>
    Always,
}

/// <summary>The type of a function's result: a fixed scalar kind, or the type of its first argument.</summary>
public sealed class FunctionResult
{
    private FunctionResult(ScalarKind? scalar, ResultNullability nullability)
    {
        Scalar = scalar;
        Nullability = nullability;
    }

    /// <summary>The result's scalar kind, or <c>null</c> when it is the first argument's type.</summary>
    public ScalarKind? Scalar { get; }

    /// <summary>When the result is null.</summary>
    public ResultNullability Nullability { get; }

    /// <summary>A result of kind <paramref name="scalar"/>.</summary>
    public static FunctionResult Of(ScalarKind scalar, ResultNullability nullability = ResultNullability.FromArguments) => new(scalar, nullability);

    /// <summary>A result of the first argument's type.</summary>
    public static FunctionResult OfArgument(ResultNullability nullability) => new(null, nullability);

    /// <summary>The static type of a call with these typed arguments.</summary>
    public PropertyType TypeFor(IReadOnlyList<Ir.QueryExpression> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var nullable = Nullability switch
        {
            ResultNullability.Never => false,
            ResultNullability.Always => true,
            _ => arguments.Any(static a => a.Type.IsNullable),
        };
        return Scalar is { } scalar ? PropertyType.Of(scalar, nullable) : arguments[0].Type.WithNullable(nullable);
    }

    /// <summary>The result in words, for docs: <c>String</c>, <c>I64</c>, <c>the argument's type</c>.</summary>
    public override string ToString() => Scalar is { } scalar ? scalar.GetName() : "the argument's type";
}
