using System.Globalization;
using Orleans.InProcess.Activation;
using Orleans.Runtime;

namespace Orleans;

/// <summary>Identity helpers for grains and grain references.</summary>
public static class GrainExtensions
{
    /// <summary>The identity of a grain or grain reference.</summary>
    /// <exception cref="ArgumentException"><paramref name="grain"/> is neither a grain nor a grain reference.</exception>
    public static GrainId GetGrainId(this IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain switch
        {
            GrainReference reference => reference.GrainId,
            IGrainBase { GrainContext: { } context } => context.GrainId,
            _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference (or the grain was not created by the runtime).", nameof(grain)),
        };
    }

    /// <summary>The key of a grain with a string key (what <c>GetGrain&lt;T&gt;(string)</c> was given).</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key.ToString();

    /// <summary>The <see cref="Guid"/> key of a grain.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain) => grain.GetPrimaryKey(out _);

    /// <summary>The <see cref="Guid"/> key of a grain and its key extension.</summary>
    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension)
    {
        var key = SplitExtension(grain.GetPrimaryKeyString(), out keyExtension);
        return Guid.TryParseExact(key, "N", out var value)
            ? value
            : throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have a Guid key.");
    }

    /// <summary>The <see cref="long"/> key of a grain.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain) => grain.GetPrimaryKeyLong(out _);

    /// <summary>The <see cref="long"/> key of a grain and its key extension.</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension)
    {
        var key = SplitExtension(grain.GetPrimaryKeyString(), out keyExtension);
        return long.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Grain {grain.GetGrainId()} does not have an integer key.");
    }

    /// <summary>A reference to the same grain through another of its interfaces.</summary>
    /// <exception cref="ArgumentException">The grain's class does not implement <typeparamref name="TGrainInterface"/>.</exception>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable
    {
        ArgumentNullException.ThrowIfNull(grain);
        var runtime = grain switch
        {
            GrainReference reference => reference.Runtime,
            IGrainBase { GrainContext: GrainActivation activation } => activation.Runtime,
            _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference of the in-process runtime.", nameof(grain)),
        };

        var grainId = grain.GetGrainId();
        return (TGrainInterface)(object)runtime.GetBinding(typeof(TGrainInterface), grainId.Type).CreateReference(grainId);
    }

    /// <summary>Same as <see cref="AsReference{TGrainInterface}"/>.</summary>
    public static TGrainInterface Cast<TGrainInterface>(this IAddressable grain)
        where TGrainInterface : IAddressable
        => grain.AsReference<TGrainInterface>();

    /// <summary>The key string form of a <see cref="Guid"/> key, as Orleans encodes it.</summary>
    internal static string EncodeKey(Guid key, string? keyExtension = null) => AppendExtension(key.ToString("N"), keyExtension);

    /// <summary>The key string form of a <see cref="long"/> key, as Orleans encodes it (upper-case hexadecimal).</summary>
    internal static string EncodeKey(long key, string? keyExtension = null) => AppendExtension(key.ToString("X", CultureInfo.InvariantCulture), keyExtension);

    private static string AppendExtension(string key, string? keyExtension) => keyExtension is null ? key : $"{key}+{keyExtension}";

    private static string SplitExtension(string key, out string? keyExtension)
    {
        var separator = key.IndexOf('+');
        if (separator < 0)
        {
            keyExtension = null;
            return key;
        }

        keyExtension = key[(separator + 1)..];
        return key[..separator];
    }
}
