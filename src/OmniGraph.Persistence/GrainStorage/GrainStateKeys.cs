using System.Diagnostics.CodeAnalysis;
using System.Text;
using OmniGraph.Storage;

namespace OmniGraph.Persistence;

/// <summary>
/// Maps a grain state to its object key, <c>{stateName}-{grainType}/{grainKey}.json</c> — the layout of Orleans'
/// Azure Blob provider, so a listing of the store reads like the grains it holds.
/// </summary>
/// <remarks>
/// <para>Plain names are kept as they are (<c>g1/node:Person@main</c> stays readable). Characters and shapes the object
/// store rejects are escaped with <c>%</c>, and <c>%</c> itself is always escaped, so the mapping is injective and
/// <see cref="TryParse"/> recovers the state name, grain type and grain key exactly:</para>
/// <list type="bullet">
/// <item><c>%</c>, <c>\</c> and control characters become <c>%XX</c>; unpaired surrogates and C1 controls <c>%uXXXX</c>;</item>
/// <item><c>/</c> in the state name or grain type, and a <c>/</c> in the grain key that would start an empty segment, become <c>%2F</c>;</item>
/// <item><c>-</c> in the grain type becomes <c>%2D</c> (the last raw <c>-</c> of the first segment separates state name and type);</item>
/// <item>a <c>.</c> that starts a segment or begins <c>.og</c> (the store's reserved marker is <c>.og-</c>) becomes <c>%2E</c>;</item>
/// <item>a segment longer than the store allows is split by the soft break <c>%/</c>, which decodes to nothing.</item>
/// </list>
/// </remarks>
public static class GrainStateKeys
{
    /// <summary>The suffix of every state object.</summary>
    public const string Suffix = ".json";

    // Leave one byte of each segment for the '%' of a soft break.
    private const int SegmentBudget = ObjectKey.MaxSegmentBytes - 1;

    /// <summary>The object key of state <paramref name="stateName"/> of grain <paramref name="grainId"/>, under <paramref name="keyPrefix"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>grain_state_key_too_long</c>: The key would exceed <see cref="ObjectKey.MaxKeyBytes"/>.</exception>
    public static string For(string stateName, GrainId grainId, string keyPrefix = "")
        => For(stateName, grainId.Type.ToString(), grainId.Key.ToString(), keyPrefix);

    /// <summary>The object key of state <paramref name="stateName"/> of the grain with type <paramref name="grainType"/> and key <paramref name="grainKey"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>grain_state_key_too_long</c>: The key would exceed <see cref="ObjectKey.MaxKeyBytes"/>.</exception>
    public static string For(string stateName, string grainType, string grainKey, string keyPrefix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentNullException.ThrowIfNull(grainKey);
        ArgumentNullException.ThrowIfNull(keyPrefix);

        var writer = new KeyWriter(keyPrefix);
        writer.Write(stateName, slashIsSeparator: false, escapeDash: false);
        writer.AppendRaw('-');
        writer.Write(grainType, slashIsSeparator: false, escapeDash: true);
        writer.Separator();
        writer.Write(grainKey, slashIsSeparator: true, escapeDash: false);
        writer.AppendWhole(Suffix);

        var key = writer.ToString();
        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes > ObjectKey.MaxKeyBytes)
        {
            var grainId = $"{grainType}/{grainKey}";
            throw new OmniGraphException(
                ErrorCodes.GrainStateKeyTooLong,
                $"the state '{stateName}' of grain '{grainId}' would need an object key of {bytes} UTF-8 bytes; the limit is {ObjectKey.MaxKeyBytes}",
                ErrorDetails.Of(ErrorDetail.StateName.With(stateName), ErrorDetail.GrainId.With(grainId), ErrorDetail.Count.With(bytes), ErrorDetail.Limit.With(ObjectKey.MaxKeyBytes)));
        }

        // The escaping guarantees validity; this only turns a mapping bug into a loud, typed error.
        ObjectKey.Validate(key);
        return key;
    }

    /// <summary>Recovers the parts from a key made by <see cref="For(string, string, string, string)"/>.</summary>
    public static bool TryParse(string key, string keyPrefix, [NotNullWhen(true)] out string? stateName, [NotNullWhen(true)] out string? grainType, [NotNullWhen(true)] out string? grainKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        stateName = grainType = grainKey = null;
        if (!key.StartsWith(keyPrefix, StringComparison.Ordinal) || !key.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = key.AsSpan(keyPrefix.Length, key.Length - keyPrefix.Length - Suffix.Length);
        var head = new StringBuilder();
        var lastRawDash = -1;
        var index = 0;
        while (index < encoded.Length && encoded[index] != '/')
        {
            if (encoded[index] == '-')
            {
                lastRawDash = head.Length;
            }

            if (!TryDecodeUnit(encoded, ref index, head))
            {
                return false;
            }
        }

        if (index == encoded.Length || lastRawDash <= 0)
        {
            return false;
        }

        var tail = new StringBuilder();
        index++;
        while (index < encoded.Length)
        {
            if (!TryDecodeUnit(encoded, ref index, tail))
            {
                return false;
            }
        }

        stateName = head.ToString(0, lastRawDash);
        grainType = head.ToString(lastRawDash + 1, head.Length - lastRawDash - 1);
        grainKey = tail.ToString();
        return grainType.Length > 0;
    }

    private static bool TryDecodeUnit(ReadOnlySpan<char> encoded, ref int index, StringBuilder output)
    {
        var c = encoded[index];
        if (c != '%')
        {
            output.Append(c);
            index++;
            return true;
        }

        if (index + 1 < encoded.Length && encoded[index + 1] == '/')
        {
            index += 2;
            return true;
        }

        if (index + 5 < encoded.Length && encoded[index + 1] == 'u' && TryHex(encoded.Slice(index + 2, 4), out var wide))
        {
            output.Append((char)wide);
            index += 6;
            return true;
        }

        if (index + 2 < encoded.Length && TryHex(encoded.Slice(index + 1, 2), out var narrow))
        {
            output.Append((char)narrow);
            index += 3;
            return true;
        }

        return false;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
        => int.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);

    /// <summary>Writes escaped units, tracking the current segment so soft breaks keep every segment within bounds.</summary>
    private sealed class KeyWriter
    {
        private readonly StringBuilder _key = new();
        private int _segmentBytes;
        private bool _segmentEmpty = true;

        internal KeyWriter(string prefix)
        {
            _key.Append(prefix);
        }

        internal void Write(string text, bool slashIsSeparator, bool escapeDash)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '/' && slashIsSeparator && !_segmentEmpty)
                {
                    Separator();
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    Unit(text.AsSpan(i, 2), 4);
                    i++;
                }
                else if (NeedsEscape(c, escapeDash) || (c == '.' && (StartsSegment(1) || IsReservedMarkerStart(text, i))))
                {
                    Escape(c);
                }
                else
                {
                    Unit([c], c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
                }
            }
        }

        internal void AppendRaw(char c) => Unit([c], 1);

        /// <summary>Appends ASCII <paramref name="text"/> within one segment (a soft break goes before it, never inside it).</summary>
        internal void AppendWhole(string text)
        {
            if (_segmentBytes + text.Length > SegmentBudget)
            {
                _key.Append("%/");
                _segmentBytes = 0;
            }

            _key.Append(text);
            _segmentBytes += text.Length;
            _segmentEmpty = false;
        }

        internal void Separator()
        {
            _key.Append('/');
            _segmentBytes = 0;
            _segmentEmpty = true;
        }

        public override string ToString() => _key.ToString();

        /// <summary>Whether a unit of <paramref name="bytes"/> written now would be the first of a segment (possibly after a soft break).</summary>
        private bool StartsSegment(int bytes) => _segmentEmpty || _segmentBytes + bytes > SegmentBudget;

        private static bool NeedsEscape(char c, bool escapeDash)
            => c is '%' or '\\' or '/' || (escapeDash && c == '-') || char.IsControl(c) || char.IsSurrogate(c);

        private static bool IsReservedMarkerStart(string text, int index)
            => index + 2 < text.Length && text[index + 1] == 'o' && text[index + 2] == 'g';

        private void Escape(char c)
        {
            Span<char> unit = stackalloc char[6];
            if (c < 0x80)
            {
                unit[0] = '%';
                ((int)c).TryFormat(unit[1..], out _, "X2", System.Globalization.CultureInfo.InvariantCulture);
                Unit(unit[..3], 3);
            }
            else
            {
                unit[0] = '%';
                unit[1] = 'u';
                ((int)c).TryFormat(unit[2..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
                Unit(unit, 6);
            }
        }

        private void Unit(ReadOnlySpan<char> unit, int bytes)
        {
            if (_segmentBytes + bytes > SegmentBudget)
            {
                _key.Append("%/");
                _segmentBytes = 0;
            }

            _key.Append(unit);
            _segmentBytes += bytes;
            _segmentEmpty = false;
        }
    }
}
