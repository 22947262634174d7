using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OmniGraph.Storage;

/// <summary>
/// The key rules every backend enforces before any I/O, so a key means the same thing on local disk,
/// in memory and on Azure Blob, and can never address anything outside a store's root.
/// </summary>
/// <remarks>
/// A key is one or more segments separated by <c>'/'</c>. It is rejected when it is empty, longer than
/// <see cref="MaxKeyBytes"/> UTF-8 bytes, starts or ends with <c>'/'</c>, has an empty segment (<c>"a//b"</c>),
/// a <c>"."</c> or <c>".."</c> segment, a segment over <see cref="MaxSegmentBytes"/> bytes, a backslash, a
/// control character (C0, DEL or C1, which includes NUL), an unpaired UTF-16 surrogate, or a segment that
/// contains <see cref="ReservedMarker"/> — that sequence is kept for the backends' own bookkeeping files
/// (temporary files, locks, the suffix of local data files), so no key can collide with them.
/// </remarks>
public static class ObjectKey
{
    /// <summary>Longest key, in UTF-8 bytes (the Azure Blob name limit).</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>
    /// Longest segment, in UTF-8 bytes. File systems cap a name at 255 bytes; the local backend adds up to
    /// nine bytes of bookkeeping around a segment, so 240 leaves room on every backend.
    /// </summary>
    public const int MaxSegmentBytes = 240;

    /// <summary>Character sequence no segment may contain; reserved for backend bookkeeping names.</summary>
    public const string ReservedMarker = ".og-";

    /// <summary>The key separator.</summary>
    public const char Separator = '/';

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws an <see cref="OmniGraphException"/> (<c>invalid_object_key</c>) unless <paramref name="key"/> is a valid key.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var violation = FindKeyViolation(key);
        if (violation is not null)
        {
            ThrowInvalid(key, violation);
        }
    }

    /// <summary>Whether <paramref name="key"/> is a valid key.</summary>
    public static bool IsValid([NotNullWhen(true)] string? key) => key is not null && FindKeyViolation(key) is null;

    /// <summary>
    /// Throws an <see cref="OmniGraphException"/> (<c>invalid_object_key</c>) unless <paramref name="prefix"/> could begin a valid key.
    /// A listing prefix may be empty, end with <c>'/'</c>, or end in the middle of a segment; every complete
    /// segment must follow the key rules.
    /// </summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var violation = FindPrefixViolation(prefix);
        if (violation is not null)
        {
            ThrowInvalid(prefix, violation);
        }
    }

    /// <summary>Whether <paramref name="prefix"/> could begin a valid key.</summary>
    public static bool IsValidPrefix([NotNullWhen(true)] string? prefix) => prefix is not null && FindPrefixViolation(prefix) is null;

    /// <summary>Whether <paramref name="segment"/> is usable as one segment of a key.</summary>
    public static bool IsValidSegment(ReadOnlySpan<char> segment) => FindSegmentViolation(segment, isPartial: false) is null;

    /// <summary>Returns why <paramref name="key"/> is invalid, or <c>null</c> when it is valid.</summary>
    public static string? FindKeyViolation(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return "a key must not be empty";
        }

        if (key[0] == Separator)
        {
            return "a key must not start with '/'";
        }

        if (key[^1] == Separator)
        {
            return "a key must not end with '/'";
        }

        return FindPathViolation(key, lastSegmentIsPartial: false);
    }

    /// <summary>Returns why <paramref name="prefix"/> could not begin a valid key, or <c>null</c>.</summary>
    public static string? FindPrefixViolation(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return null;
        }

        if (prefix[0] == Separator)
        {
            return "a prefix must not start with '/'";
        }

        return FindPathViolation(prefix, lastSegmentIsPartial: true);
    }

    private static string? FindPathViolation(string path, bool lastSegmentIsPartial)
    {
        var span = path.AsSpan();
        int totalBytes;
        try
        {
            totalBytes = s_strictUtf8.GetByteCount(span);
        }
        catch (ArgumentException)
        {
            return "a key must be valid Unicode (no unpaired surrogates)";
        }

        if (totalBytes > MaxKeyBytes)
        {
            return $"a key must be at most {MaxKeyBytes} UTF-8 bytes (this one is {totalBytes})";
        }

        var start = 0;
        while (start <= span.Length)
        {
            var end = span[start..].IndexOf(Separator);
            var isLast = end < 0;
            var segment = isLast ? span[start..] : span.Slice(start, end);
            if (isLast && lastSegmentIsPartial && segment.Length == 0)
            {
                // A prefix ending with '/' ends in an empty partial segment, which matches every child.
                return null;
            }

            var violation = FindSegmentViolation(segment, isPartial: isLast && lastSegmentIsPartial);
            if (violation is not null)
            {
                return violation;
            }

            if (isLast)
            {
                return null;
            }

            start += end + 1;
        }

        return null;
    }

    private static string? FindSegmentViolation(ReadOnlySpan<char> segment, bool isPartial)
    {
        if (segment.Length == 0)
        {
            return "a key must not contain an empty segment ('//')";
        }

        foreach (var c in segment)
        {
            if (c == '\\')
            {
                return "a key must not contain a backslash";
            }

            if (char.IsControl(c))
            {
                return $"a key must not contain control characters (found U+{(int)c:X4})";
            }

            if (c == Separator)
            {
                return "a segment must not contain '/'";
            }
        }

        if (!isPartial && (segment is "." || segment is ".."))
        {
            return "a key must not contain '.' or '..' segments";
        }

        if (segment.Contains(ReservedMarker, StringComparison.Ordinal))
        {
            return $"a key segment must not contain '{ReservedMarker}' (reserved for the store's own files)";
        }

        if (s_strictUtf8.GetByteCount(segment) > MaxSegmentBytes)
        {
            return $"a key segment must be at most {MaxSegmentBytes} UTF-8 bytes";
        }

        return null;
    }

    [DoesNotReturn]
    private static void ThrowInvalid(string key, string reason) => throw StoreErrors.InvalidKey(key, reason);
}
