using System.Globalization;

namespace OmniGraph.Schema;

/// <summary>
/// One <c>@range</c> bound: an integer (exact, up to 128 bits) or a decimal float, with its canonical
/// source text (leading zeros and redundant trailing fraction zeros removed).
/// </summary>
public readonly struct RangeBound : IEquatable<RangeBound>
{
    private RangeBound(bool isFloat, Int128 integer, double value, string text)
    {
        IsFloat = isFloat;
        IntegerValue = integer;
        Value = value;
        Text = text;
    }

    /// <summary><c>true</c> when written with a fraction (<c>1.5</c>); otherwise an integer.</summary>
    public bool IsFloat { get; }

    /// <summary>The exact value of an integer bound (0 for floats).</summary>
    public Int128 IntegerValue { get; }

    /// <summary>The value as a double (exact for floats, converted for integers).</summary>
    public double Value { get; }

    /// <summary>Canonical source text, e.g. <c>-1.5</c> or <c>120</c>.</summary>
    public string Text { get; }

    /// <summary>Parses <c>-?[0-9]+</c> or <c>-?[0-9]+.[0-9]+</c>; fails when an integer exceeds 128 bits or a float is not finite.</summary>
    public static bool TryParse(string text, out RangeBound bound)
    {
        bound = default;
        if (!IsWellFormed(text, out var isFloat))
        {
            return false;
        }

        var canonical = Canonicalize(text, isFloat);
        if (isFloat)
        {
            var value = double.Parse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (!double.IsFinite(value))
            {
                return false;
            }

            bound = new RangeBound(true, 0, value, canonical);
            return true;
        }

        if (!Int128.TryParse(canonical, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return false;
        }

        bound = new RangeBound(false, integer, (double)integer, canonical);
        return true;
    }

    /// <summary>Compares the bound with an integer value: negative when the bound is smaller.</summary>
    public int CompareTo(Int128 value) => IsFloat ? Value.CompareTo((double)value) : IntegerValue.CompareTo(value);

    /// <summary>Compares the bound with a float value (not NaN): negative when the bound is smaller.</summary>
    public int CompareTo(double value) => Value.CompareTo(value);

    /// <summary>Compares two bounds by value.</summary>
    public int CompareTo(RangeBound other) =>
        !IsFloat && !other.IsFloat ? IntegerValue.CompareTo(other.IntegerValue) : Value.CompareTo(other.Value);

    /// <inheritdoc />
    public bool Equals(RangeBound other) => IsFloat == other.IsFloat && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RangeBound other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsFloat, Text);

    /// <inheritdoc />
    public override string ToString() => Text ?? string.Empty;

    public static bool operator ==(RangeBound left, RangeBound right) => left.Equals(right);

    public static bool operator !=(RangeBound left, RangeBound right) => !left.Equals(right);

    private static bool IsWellFormed(string text, out bool isFloat)
    {
        isFloat = false;
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digitsStart)
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] != '.')
        {
            return false;
        }

        i++;
        var fractionStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        isFloat = true;
        return i > fractionStart && i == text.Length;
    }

    private static string Canonicalize(string text, bool isFloat)
    {
        var negative = text[0] == '-';
        var body = negative ? text.AsSpan(1) : text.AsSpan();
        var dot = isFloat ? body.IndexOf('.') : body.Length;
        var integerPart = body[..dot].TrimStart('0');
        if (integerPart.IsEmpty)
        {
            integerPart = "0";
        }

        var fraction = isFloat ? body[(dot + 1)..].TrimEnd('0') : [];
        if (isFloat && fraction.IsEmpty)
        {
            fraction = "0";
        }

        // "-0" and "-0.0" are the same bound as their unsigned spelling.
        var isZero = integerPart is "0" && (!isFloat || fraction is "0");
        var sign = negative && !isZero ? "-" : string.Empty;
        return isFloat ? string.Concat(sign, integerPart, ".", fraction) : string.Concat(sign, integerPart);
    }
}
