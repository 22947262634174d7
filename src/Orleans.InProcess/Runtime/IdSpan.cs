using System.Diagnostics.CodeAnalysis;

namespace Orleans.Runtime;

/// <summary>
/// The key part of a <see cref="GrainId"/> (and the value of a <see cref="GrainType"/>). Orleans stores it as
/// UTF-8 bytes; the in-process runtime keeps the string, which is what the product's string keys are.
/// </summary>
public readonly struct IdSpan : IEquatable<IdSpan>, IComparable<IdSpan>
{
    private readonly string? _value;

    private IdSpan(string value)
    {
        _value = value;
    }

    /// <summary>Whether this is the default (empty, unset) value.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates an id from its string form.</summary>
    public static IdSpan Create(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new IdSpan(id);
    }

    public bool Equals(IdSpan other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is IdSpan other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public int CompareTo(IdSpan other) => string.CompareOrdinal(_value, other._value);

    /// <summary>The id as a string (empty for the default value).</summary>
    public override string ToString() => _value ?? string.Empty;

    public static bool operator ==(IdSpan left, IdSpan right) => left.Equals(right);

    public static bool operator !=(IdSpan left, IdSpan right) => !left.Equals(right);
}
