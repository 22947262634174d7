namespace OmniGraph.Schema;

/// <summary>
/// <c>@range(p, min..max)</c> on a numeric node property: inclusive bounds, either of which may be open.
/// Null values are not checked (required-ness is a separate rule).
/// </summary>
public sealed class RangeConstraint : SchemaConstraint
{
    internal RangeConstraint(string propertyName, RangeBound? min, RangeBound? max)
        : base(ConstraintOrigin.Body, null)
    {
        PropertyName = propertyName;
        Min = min;
        Max = max;
    }

    /// <inheritdoc />
    public override ConstraintKind Kind => ConstraintKind.Range;

    /// <summary>The constrained property.</summary>
    public string PropertyName { get; }

    /// <summary>Inclusive lower bound, or <c>null</c> when open.</summary>
    public RangeBound? Min { get; }

    /// <summary>Inclusive upper bound, or <c>null</c> when open.</summary>
    public RangeBound? Max { get; }

    /// <summary>Checks a signed integer value.</summary>
    public RangeViolation Evaluate(long value) => Evaluate((Int128)value);

    /// <summary>Checks an unsigned integer value.</summary>
    public RangeViolation Evaluate(ulong value) => Evaluate((Int128)value);

    /// <summary>Checks an integer value exactly.</summary>
    public RangeViolation Evaluate(Int128 value)
    {
        if (Min is { } min && min.CompareTo(value) > 0)
        {
            return RangeViolation.BelowMinimum;
        }

        return Max is { } max && max.CompareTo(value) < 0 ? RangeViolation.AboveMaximum : RangeViolation.None;
    }

    /// <summary>Checks a float value; NaN always violates.</summary>
    public RangeViolation Evaluate(double value)
    {
        if (double.IsNaN(value))
        {
            return RangeViolation.NotANumber;
        }

        if (Min is { } min && min.CompareTo(value) > 0)
        {
            return RangeViolation.BelowMinimum;
        }

        return Max is { } max && max.CompareTo(value) < 0 ? RangeViolation.AboveMaximum : RangeViolation.None;
    }

    /// <summary>
    /// The documented violation message, e.g. <c>@range violation on Person.age: value 130 &gt; max 120</c>.
    /// </summary>
    public string FormatViolation(RangeViolation violation, string valueText) => violation switch
    {
        RangeViolation.BelowMinimum => $"@range violation on {Owner.Name}.{PropertyName}: value {valueText} < min {Min?.Text}",
        RangeViolation.AboveMaximum => $"@range violation on {Owner.Name}.{PropertyName}: value {valueText} > max {Max?.Text}",
        RangeViolation.NotANumber => $"@range violation on {Owner.Name}.{PropertyName}: value is NaN",
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, "not a violation"),
    };

    /// <summary>The bounds as written in source: <c>0..100</c>, <c>-1.5..</c> or <c>..10</c>.</summary>
    public string BoundsText => $"{Min?.Text}..{Max?.Text}";

    /// <inheritdoc />
    public override string ToSourceText() => $"@range({PropertyName}, {BoundsText})";
}
