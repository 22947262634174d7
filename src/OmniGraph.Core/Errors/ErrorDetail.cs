namespace OmniGraph;

/// <summary>
/// A named, typed fact an error carries besides its message (<see cref="OmniGraphException.Details"/>): the table it
/// is about, the line of a bad record, a limit. Values are text, whole numbers or booleans, so every detail survives a
/// trip through any serializer. The keys are declared once, in <see cref="ErrorDetail"/>.
/// </summary>
/// <typeparam name="T"><see cref="string"/>, <see cref="long"/>, <c>long?</c> or <see cref="bool"/>.</typeparam>
public sealed class ErrorDetail<T>
{
    internal ErrorDetail(string name)
    {
        if (typeof(T) != typeof(string) && typeof(T) != typeof(long) && typeof(T) != typeof(long?) && typeof(T) != typeof(bool))
        {
            throw new NotSupportedException($"error details hold text, whole numbers or booleans, not {typeof(T).Name}");
        }

        Name = name;
    }

    /// <summary>The detail's name (snake_case, as an HTTP error body or a JSON envelope spells it).</summary>
    public string Name { get; }

    /// <summary>A name/value pair for <see cref="ErrorDetails.Of"/>.</summary>
    public KeyValuePair<string, object?> With(T? value) => new(Name, value);

    /// <inheritdoc />
    public override string ToString() => Name;
}
