using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace OmniGraph.Security;

/// <summary>
/// The configured bearer tokens, kept only as SHA-256 hashes with their actors (operations.md §3.1). A presented token
/// is hashed and compared with <b>every</b> stored hash in constant time — the loop never stops at a match and the
/// matched slot is selected without a branch — so the time taken does not depend on which entry matched, or whether
/// one did. Build it with <see cref="BearerTokenLoader.Load"/>. Thread-safe.
/// </summary>
public sealed class BearerTokenRegistry
{
    /// <summary>Compares two 32-byte hashes (the seam the tests use to prove every entry is compared).</summary>
    internal delegate bool HashComparison(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right);

    private const string Prefix = "Bearer ";
    private const int StackTokenBytes = 256;

    private readonly BearerTokenEntry[] _entries;
    private readonly HashComparison _equals;

    internal BearerTokenRegistry(IReadOnlyList<BearerTokenEntry> entries, IReadOnlyList<string> sources, IReadOnlyList<string> ignoredSources, HashComparison? equals = null)
    {
        _entries = [.. entries];
        _equals = equals ?? CryptographicOperations.FixedTimeEquals;
        Sources = sources;
        IgnoredSources = ignoredSources;
        Actors = _entries.Select(static e => e.Actor).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A registry without tokens.</summary>
    public static BearerTokenRegistry Empty { get; } = new([], [], []);

    /// <summary>How many tokens are configured.</summary>
    public int Count => _entries.Length;

    /// <summary>The configured actors, sorted.</summary>
    public IReadOnlyList<string> Actors { get; }

    /// <summary>The variables the tokens came from (the start-up log names them; never the values).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Variables that were set but not read (the inline JSON when a file is set): the start-up log warns about them.</summary>
    public IReadOnlyList<string> IgnoredSources { get; }

    /// <summary>Checks an <c>Authorization</c> header value: exactly <c>Bearer &lt;token&gt;</c>, prefix case-sensitive.</summary>
    public BearerAuthentication Authenticate(string? authorizationHeader) =>
        authorizationHeader is null ? new(BearerAuthenticationOutcome.Missing, null) : Authenticate(authorizationHeader.AsSpan());

    /// <inheritdoc cref="Authenticate(string?)"/>
    public BearerAuthentication Authenticate(ReadOnlySpan<char> authorizationHeader)
    {
        if (!authorizationHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new(BearerAuthenticationOutcome.Missing, null);
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(authorizationHeader[Prefix.Length..], presented);
        var index = MatchIndex(presented);
        return index < 0 ? new(BearerAuthenticationOutcome.Invalid, null) : new(BearerAuthenticationOutcome.Authenticated, _entries[index].Actor);
    }

    /// <summary>
    /// The index of the entry whose hash equals <paramref name="presented"/>, or -1. Every entry is compared; the result is
    /// accumulated with a mask rather than a branch (tokens are unique, so at most one entry matches).
    /// </summary>
    private int MatchIndex(ReadOnlySpan<byte> presented)
    {
        var found = -1;
        for (var i = 0; i < _entries.Length; i++)
        {
            var equal = _equals(_entries[i].Hash, presented);
            var mask = -Convert.ToInt32(equal); // all ones when equal, zero otherwise
            found = (found & ~mask) | (i & mask);
        }

        return found;
    }

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="token"/>; the plaintext bytes are wiped before returning.</summary>
    internal static void Hash(ReadOnlySpan<char> token, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetByteCount(token);
        byte[]? rented = length > StackTokenBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc byte[StackTokenBytes] : rented;
        var bytes = buffer[..Encoding.UTF8.GetBytes(token, buffer)];
        try
        {
            SHA256.HashData(bytes, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
