using System.Collections.Immutable;
using System.Text;

namespace OmniGraph.Schema;

/// <summary>
/// An annotation the schema language gives no meaning to (for example <c>@default(1)</c> or
/// <c>@owner("team", since=2024)</c>). It is kept as metadata, printed back, and stored in the IR.
/// </summary>
public sealed class CustomAnnotation
{
    public CustomAnnotation(string name, AnnotationValue? value, ImmutableArray<AnnotationArgument> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
        Arguments = arguments.IsDefault ? [] : arguments;
    }

    /// <summary>The name without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The positional value, if any.</summary>
    public AnnotationValue? Value { get; }

    /// <summary>Keyword arguments in written order.</summary>
    public ImmutableArray<AnnotationArgument> Arguments { get; }

    /// <summary>Renders the annotation as <c>.pg</c> source.</summary>
    public string ToSourceText()
    {
        var builder = new StringBuilder().Append('@').Append(Name);
        if (Value is null && Arguments.IsEmpty)
        {
            return builder.ToString();
        }

        builder.Append('(');
        var first = true;
        if (Value is { } value)
        {
            builder.Append(value.ToSourceText());
            first = false;
        }

        foreach (var argument in Arguments)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            builder.Append(argument.Name).Append('=').Append(argument.Value.ToSourceText());
            first = false;
        }

        return builder.Append(')').ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToSourceText();
}
