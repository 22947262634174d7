using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>
/// <c>@name</c> or <c>@name(value, key=literal, …)</c>: at most one positional value (first) followed by
/// keyword arguments. <c>@default(…)</c> carries its own value shape instead (<see cref="DefaultValue"/>).
/// </summary>
public sealed class AnnotationSyntax
{
    public AnnotationSyntax(NameSyntax name, LiteralSyntax? value, ImmutableArray<AnnotationArgumentSyntax> arguments, DefaultValueSyntax? defaultValue = null)
    {
        Name = name;
        Value = value;
        Arguments = arguments.IsDefault ? [] : arguments;
        DefaultValue = defaultValue;
    }

    /// <summary>The annotation name without <c>@</c>; its position is that of the <c>@</c>.</summary>
    public NameSyntax Name { get; }

    /// <summary>The positional value, if any.</summary>
    public LiteralSyntax? Value { get; }

    /// <summary>Keyword arguments in written order (names are unique).</summary>
    public ImmutableArray<AnnotationArgumentSyntax> Arguments { get; }

    /// <summary>The value of <c>@default(…)</c> (signed numbers and lists allowed); <c>null</c> for every other annotation.</summary>
    public DefaultValueSyntax? DefaultValue { get; }
}

/// <summary>One <c>key=literal</c> annotation argument.</summary>
public readonly record struct AnnotationArgumentSyntax(NameSyntax Name, LiteralSyntax Value);
