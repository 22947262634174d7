using System.Diagnostics.CodeAnalysis;

namespace Orleans.Runtime;

/// <summary>
/// The type half of a <see cref="GrainId"/>: by convention the grain class name lower-cased without a trailing
/// "grain" (<c>AccountGrain</c> → <c>account</c>), or the value of <see cref="GrainTypeAttribute"/>.
/// </summary>
public readonly struct GrainType : IEquatable<GrainType>, IComparable<GrainType>
{
    /// <summary>Creates a grain type from its value.</summary>
    public GrainType(IdSpan id)
    {
        Value = id;
    }

    /// <summary>The raw value.</summary>
    public IdSpan Value { get; }

    /// <summary>Whether this is the default (unset) value.</summary>
    public bool IsDefault => Value.IsDefault;

    /// <summary>Creates a grain type from its string form.</summary>
    public static GrainType Create(string value) => new(IdSpan.Create(value));

    public bool Equals(GrainType other) => Value.Equals(other.Value);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is GrainType other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public int CompareTo(GrainType other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString();

    public static bool operator ==(GrainType left, GrainType right) => left.Equals(right);

    public static bool operator !=(GrainType left, GrainType right) => !left.Equals(right);
}
