namespace OmniGraph.Schema;

/// <summary>The outcome of checking a value against a <see cref="RangeConstraint"/>.</summary>
public enum RangeViolation : byte
{
    /// <summary>The value is within the bounds.</summary>
    None,

    /// <summary>The value is smaller than the minimum.</summary>
    BelowMinimum,

    /// <summary>The value is larger than the maximum.</summary>
    AboveMaximum,

    /// <summary>The value is NaN, which no range admits.</summary>
    NotANumber,
}
