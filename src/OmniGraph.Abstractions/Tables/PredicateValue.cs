using System.Text;

namespace OmniGraph.Abstractions;

/// <summary>
/// A non-null constant of a pushed-down filter. Scalars live in two 64-bit words (no boxing); strings in
/// <see cref="Text"/>. Build one with the factory methods.
/// </summary>
/// <param name="Kind">The value's kind.</param>
/// <param name="Low">Bool (0/1), the low 64 bits of an integer, the bits of a float, days or milliseconds.</param>
/// <param name="High">The high 64 bits of an integer (sign extension for values that fit in a long).</param>
/// <param name="Text">The string, for <see cref="PredicateValueKind.String"/>.</param>
[GenerateSerializer]
[Immutable]
public sealed record PredicateValue(
    [property: Id(0)] PredicateValueKind Kind,
    [property: Id(1)] long Low,
    [property: Id(2)] long High,
    [property: Id(3)] string? Text)
{
    /// <summary>A boolean constant.</summary>
    public static PredicateValue FromBool(bool value) => new(PredicateValueKind.Bool, value ? 1 : 0, 0, null);

    /// <summary>An integer constant.</summary>
    public static PredicateValue FromInteger(Int128 value) => new(PredicateValueKind.Integer, (long)(ulong)value, (long)(value >> 64), null);

    /// <summary>A float constant.</summary>
    public static PredicateValue FromFloat(double value) => new(PredicateValueKind.Float, BitConverter.DoubleToInt64Bits(value), 0, null);

    /// <summary>A string constant.</summary>
    public static PredicateValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(PredicateValueKind.String, 0, 0, value);
    }

    /// <summary>A date constant (days since 1970-01-01).</summary>
    public static PredicateValue FromDate(int daysSinceEpoch) => new(PredicateValueKind.Date, daysSinceEpoch, 0, null);

    /// <summary>A timestamp constant (milliseconds since the Unix epoch).</summary>
    public static PredicateValue FromDateTime(long millisecondsSinceEpoch) => new(PredicateValueKind.DateTime, millisecondsSinceEpoch, 0, null);

    /// <summary>The integer value.</summary>
    public Int128 AsInteger() => new((ulong)High, (ulong)Low);

    /// <summary>The float value.</summary>
    public double AsFloat() => BitConverter.Int64BitsToDouble(Low);

    /// <summary>The string as UTF-8 (allocates; evaluators encode once per request).</summary>
    public byte[] GetUtf8() => Encoding.UTF8.GetBytes(Text ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PredicateValueKind.Bool => Low != 0 ? "true" : "false",
        PredicateValueKind.Integer => AsInteger().ToString(System.Globalization.CultureInfo.InvariantCulture),
        PredicateValueKind.Float => AsFloat().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        PredicateValueKind.String => $"\"{Text}\"",
        PredicateValueKind.Date => $"date#{Low}",
        _ => $"datetime#{Low}",
    };
}
