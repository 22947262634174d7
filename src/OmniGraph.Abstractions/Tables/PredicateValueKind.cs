namespace OmniGraph.Abstractions;

/// <summary>The kinds of constant a <see cref="ColumnPredicate"/> compares a column with.</summary>
public enum PredicateValueKind : byte
{
    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>An integer of any width (carried as <see cref="Int128"/>), compared exactly with integer and float columns.</summary>
    Integer,

    /// <summary>A 64-bit float, compared exactly with integer and float columns (NaN is the largest value).</summary>
    Float,

    /// <summary>A string (also enum values), compared by code point.</summary>
    String,

    /// <summary>Days since 1970-01-01.</summary>
    Date,

    /// <summary>Milliseconds since the Unix epoch.</summary>
    DateTime,
}
