using System.Text;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// Reads a text file a flag names (a schema, a query file, a parameters file) the one way every such file is read:
/// whatever kind of file it is (a regular file, a pipe, a device such as <c>/dev/zero</c>), in chunks, never trusting a
/// reported length, at most <see cref="MaxBytes"/>, and as strict UTF-8 — invalid bytes are refused with their line and
/// column, never replaced by U+FFFD (exactly as the JSONL intake refuses them). A UTF-8 byte order mark is skipped.
/// </summary>
internal static class CliTextFile
{
    /// <summary>The largest text file a flag may name (16 MiB): schemas and queries are far smaller; a bigger file is a mistake.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages ("schema file").</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="OmniGraphException"><c>file_not_found</c>, <c>io_error</c>, or <c>invalid_utf8</c>.</exception>
    /// <exception cref="OmniGraphException">Code <c>resource_limit</c>: The file is larger than <see cref="MaxBytes"/>.</exception>
    public static async Task<string> ReadAsync(string path, string what, CancellationToken cancellationToken)
    {
        CliErrors.RequireFile(path, what);
        byte[] bytes;
        try
        {
            bytes = await ReadBoundedAsync(path, what, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliErrors.Io(IoErrorText.Describe("read", what, path, exception), path, exception);
        }

        return Decode(bytes, path, what);
    }

    /// <summary>Decodes strict UTF-8 (a leading byte order mark is skipped).</summary>
    /// <exception cref="OmniGraphException"><c>invalid_utf8</c>, naming the line and column of the first invalid byte.</exception>
    internal static string Decode(ReadOnlySpan<byte> bytes, string path, string what)
    {
        var text = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        try
        {
            return s_strict.GetString(text);
        }
        catch (DecoderFallbackException exception)
        {
            var (line, column) = PositionOf(text, FirstInvalidByte(text));
            throw CliErrors.InvalidUtf8($"{what} '{ErrorText.Quote(path)}' is not valid UTF-8: line {line}, column {column} holds a byte that does not start or continue a UTF-8 character", path, exception);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(string path, string what, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var content = new MemoryStream();
            var buffer = new byte[ChunkBytes];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return content.ToArray();
                }

                if (content.Length + read > MaxBytes)
                {
                    throw EngineErrors.ResourceLimitExceeded($"the size in bytes of {what} '{ErrorText.Quote(path)}'", MaxBytes, content.Length + read);
                }

                content.Write(buffer, 0, read);
            }
        }
    }

    /// <summary>The offset of the first byte that is not part of a valid UTF-8 sequence.</summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return text.Length;
    }

    /// <summary>1-based line and column (in characters) of byte <paramref name="offset"/>.</summary>
    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> text, int offset)
    {
        var before = text[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
