namespace OmniGraph.Schema.Syntax;

/// <summary><c>@card(min..max)</c>, <c>@card(min..)</c> or <c>@card(min..*)</c>; bounds are kept as digits.</summary>
public sealed class CardinalitySyntax
{
    public CardinalitySyntax(SourcePosition position, string min, string? max)
    {
        Position = position;
        Min = min ?? throw new ArgumentNullException(nameof(min));
        Max = max;
    }

    /// <summary>Position of <c>@card</c>.</summary>
    public SourcePosition Position { get; }

    /// <summary>The minimum count digits.</summary>
    public string Min { get; }

    /// <summary>The maximum count digits, or <c>null</c> when unbounded (omitted or <c>*</c>).</summary>
    public string? Max { get; }
}
