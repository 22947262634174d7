using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>A body constraint <c>@key|@unique|@index|@range|@check( arg, … )</c> with at least one argument.</summary>
public sealed class ConstraintSyntax
{
    public ConstraintSyntax(ConstraintKind kind, SourcePosition position, ImmutableArray<ConstraintArgumentSyntax> arguments)
    {
        Kind = kind;
        Position = position;
        Arguments = arguments.IsDefault ? [] : arguments;
    }

    /// <summary>Which constraint.</summary>
    public ConstraintKind Kind { get; }

    /// <summary>Position of the <c>@</c>.</summary>
    public SourcePosition Position { get; }

    /// <summary>Arguments in written order.</summary>
    public ImmutableArray<ConstraintArgumentSyntax> Arguments { get; }
}

/// <summary>The shape of a constraint argument.</summary>
public enum ConstraintArgumentKind
{
    /// <summary>A bare identifier (a property name, or <c>src</c>/<c>dst</c> on edges).</summary>
    Identifier,

    /// <summary>A string literal.</summary>
    String,

    /// <summary>A single number that is not part of a range.</summary>
    Number,

    /// <summary>A range <c>min..max</c>, <c>min..</c> or <c>..max</c>.</summary>
    Range,
}

/// <summary>One constraint argument.</summary>
public sealed class ConstraintArgumentSyntax
{
    public ConstraintArgumentSyntax(ConstraintArgumentKind kind, SourcePosition position, string text, NumberSyntax? min = null, NumberSyntax? max = null)
    {
        Kind = kind;
        Position = position;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Min = min;
        Max = max;
    }

    /// <summary>The shape.</summary>
    public ConstraintArgumentKind Kind { get; }

    /// <summary>Where the argument starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The identifier, decoded string or number text; for ranges the source-like rendering.</summary>
    public string Text { get; }

    /// <summary>The lower bound of a range, if written.</summary>
    public NumberSyntax? Min { get; }

    /// <summary>The upper bound of a range, if written.</summary>
    public NumberSyntax? Max { get; }
}

/// <summary>A possibly signed integer or float as written in a range bound.</summary>
public readonly record struct NumberSyntax(string Text, bool IsFloat, SourcePosition Position);
