using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace OmniGraph;

/// <summary>
/// A ULID: 48-bit millisecond timestamp followed by 80 random bits, rendered as 26 Crockford
/// base32 characters. Text order equals creation order, which is why commit ids, sidecar names and
/// generated entity ids use it. <see cref="NewUlid()"/> is monotonic within a process: two ids minted
/// in the same millisecond still sort in minting order.
/// </summary>
public readonly struct Ulid : IEquatable<Ulid>, IComparable<Ulid>
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly Lock s_gate = new();
    private static long s_lastMillis;
    private static UInt128 s_lastValue;

    private readonly UInt128 _value;

    private Ulid(UInt128 value) => _value = value;

    /// <summary>Length of the text form.</summary>
    public const int Length = 26;

    /// <summary>Milliseconds since the Unix epoch encoded in the id.</summary>
    public long TimestampMilliseconds => (long)(_value >> 80);

    /// <summary>Mints a new id from the system clock.</summary>
    public static Ulid NewUlid() => NewUlid(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>Mints a new id for the given timestamp; monotonic with respect to earlier calls.</summary>
    public static Ulid NewUlid(long unixMilliseconds) => NewUlidRange(unixMilliseconds, 1);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive ids from the system clock and returns the first; the others are
    /// <see cref="Plus"/> 1 … <paramref name="count"/> − 1. Every id minted later sorts after all of them. Bulk minting
    /// (a load's generated ids) pays one clock read and one lock per range instead of per id.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static Ulid NewUlidRange(int count) => NewUlidRange(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), count);

    /// <summary><see cref="NewUlidRange(int)"/> for the given timestamp; monotonic with respect to earlier calls.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static Ulid NewUlidRange(long unixMilliseconds, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Span<byte> random = stackalloc byte[10];
        lock (s_gate)
        {
            UInt128 first;
            if (unixMilliseconds <= s_lastMillis)
            {
                // Same (or an earlier, skewed) millisecond: continue the random part of the last id so order is kept.
                first = s_lastValue + 1;
            }
            else
            {
                RandomNumberGenerator.Fill(random);
                var high = (ulong)unixMilliseconds << 16 | BinaryPrimitives.ReadUInt16BigEndian(random);
                var low = BinaryPrimitives.ReadUInt64BigEndian(random[2..]);
                s_lastMillis = unixMilliseconds;
                first = new UInt128(high, low);
            }

            s_lastValue = first + (uint)(count - 1);
            return new Ulid(first);
        }
    }

    /// <summary>The id <paramref name="offset"/> places after this one (the ids of a <see cref="NewUlidRange(int)"/>).</summary>
    public Ulid Plus(uint offset) => new(_value + offset);

    /// <summary>Parses the 26-character text form (case-insensitive).</summary>
    public static Ulid Parse(string text) =>
        TryParse(text, out var ulid) ? ulid : throw new FormatException($"'{text}' is not a valid ULID.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Ulid ulid)
    {
        ulid = default;
        if (text is null || text.Length != Length)
        {
            return false;
        }

        UInt128 value = 0;
        for (var i = 0; i < Length; i++)
        {
            var digit = Alphabet.IndexOf(char.ToUpperInvariant(text[i]));
            if (digit < 0 || (i == 0 && digit > 7))
            {
                return false;
            }

            value = (value << 5) | (uint)digit;
        }

        ulid = new Ulid(value);
        return true;
    }

    public override string ToString() => string.Create(Length, _value, static (span, value) =>
    {
        for (var i = Length - 1; i >= 0; i--)
        {
            span[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
    });

    /// <summary>
    /// Writes the 26-character text form as ASCII/UTF-8 bytes without allocating (bulk id generation writes
    /// straight into column buffers).
    /// </summary>
    /// <returns><c>false</c> when <paramref name="destination"/> is shorter than <see cref="Length"/>.</returns>
    public bool TryFormatUtf8(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Length)
        {
            bytesWritten = 0;
            return false;
        }

        // 26 digits of 5 bits over two 64-bit halves (UInt128 shifts cost a call each): the low 12 digits from the low
        // half, one digit straddling both, the high 13 from the high half.
        var alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"u8;
        var low = (ulong)_value;
        var high = (ulong)(_value >> 64);
        destination = destination[..Length];
        for (var i = Length - 1; i >= 14; i--)
        {
            destination[i] = alphabet[(int)(low & 31)];
            low >>= 5;
        }

        destination[13] = alphabet[(int)(low | ((high & 1) << 4))];
        high >>= 1;
        for (var i = 12; i >= 0; i--)
        {
            destination[i] = alphabet[(int)(high & 31)];
            high >>= 5;
        }

        bytesWritten = Length;
        return true;
    }

    public bool Equals(Ulid other) => _value == other._value;

    public override bool Equals(object? obj) => obj is Ulid other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    public int CompareTo(Ulid other) => _value.CompareTo(other._value);

    public static bool operator ==(Ulid left, Ulid right) => left.Equals(right);

    public static bool operator !=(Ulid left, Ulid right) => !left.Equals(right);

    public static bool operator <(Ulid left, Ulid right) => left.CompareTo(right) < 0;

    public static bool operator >(Ulid left, Ulid right) => left.CompareTo(right) > 0;

    public static bool operator <=(Ulid left, Ulid right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Ulid left, Ulid right) => left.CompareTo(right) >= 0;
}
