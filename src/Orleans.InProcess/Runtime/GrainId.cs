using System.Diagnostics.CodeAnalysis;

namespace Orleans.Runtime;

/// <summary>
/// The identity of a grain: its <see cref="GrainType"/> and its key. The string form is <c>"{type}/{key}"</c>
/// (for example <c>account/alice</c>), the same as in Orleans, and is what storage keys are built from.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>, IComparable<GrainId>
{
    /// <summary>Creates an id from its parts.</summary>
    public GrainId(GrainType type, IdSpan key)
    {
        Type = type;
        Key = key;
    }

    /// <summary>The grain type.</summary>
    public GrainType Type { get; }

    /// <summary>The grain key.</summary>
    public IdSpan Key { get; }

    /// <summary>Whether this is the default (unset) value.</summary>
    public bool IsDefault => Type.IsDefault && Key.IsDefault;

    /// <summary>Creates an id from a type name and a key.</summary>
    public static GrainId Create(string type, string key) => new(GrainType.Create(type), IdSpan.Create(key));

    /// <summary>Creates an id from a grain type and a key.</summary>
    public static GrainId Create(GrainType type, string key) => new(type, IdSpan.Create(key));

    /// <summary>Creates an id from a grain type and a key.</summary>
    public static GrainId Create(GrainType type, IdSpan key) => new(type, key);

    /// <summary>Parses the <c>"{type}/{key}"</c> form; the key may itself contain <c>'/'</c>.</summary>
    /// <exception cref="FormatException">There is no <c>'/'</c> or the type part is empty.</exception>
    public static GrainId Parse(string value)
    {
        if (!TryParse(value, out var result))
        {
            throw new FormatException($"'{value}' is not a grain id: expected the form 'type/key'.");
        }

        return result;
    }

    /// <summary>Parses the <c>"{type}/{key}"</c> form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out GrainId result)
    {
        var separator = value?.IndexOf('/') ?? -1;
        if (value is null || separator <= 0)
        {
            result = default;
            return false;
        }

        result = Create(value[..separator], value[(separator + 1)..]);
        return true;
    }

    /// <summary>A hash of the string form that is the same in every process (unlike <see cref="GetHashCode"/>).</summary>
    public uint GetUniformHashCode()
    {
        // FNV-1a over the UTF-16 code units of "type/key": stable across processes and runs.
        var hash = 2166136261u;
        hash = Fnv(hash, Type.ToString());
        hash = (hash ^ '/') * 16777619u;
        return Fnv(hash, Key.ToString());

        static uint Fnv(uint hash, string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash;
        }
    }

    public bool Equals(GrainId other) => Type.Equals(other.Type) && Key.Equals(other.Key);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Key);

    public int CompareTo(GrainId other)
    {
        var byType = Type.CompareTo(other.Type);
        return byType != 0 ? byType : Key.CompareTo(other.Key);
    }

    /// <summary>The <c>"{type}/{key}"</c> form.</summary>
    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
