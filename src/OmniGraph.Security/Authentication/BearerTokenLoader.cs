using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OmniGraph.Security;

/// <summary>
/// Turns <see cref="BearerTokenSources"/> into a <see cref="BearerTokenRegistry"/> (operations.md §3.1):
/// <list type="number">
/// <item>A set <c>OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET</c> is refused (<c>auth_source_unsupported</c>): this build
/// has no Secrets Manager client, and silently serving without those tokens would be worse.</item>
/// <item><c>OMNIGRAPH_SERVER_BEARER_TOKEN</c> gives the actor <c>default</c>, <b>plus</b> either the token file or, only
/// when no file is set, the inline JSON (the inline JSON is then reported in <see cref="BearerTokenRegistry.IgnoredSources"/>).</item>
/// <item>The file and the inline value are one JSON object <c>{"actor":"token", …}</c>. Actors and tokens are trimmed;
/// a blank one, a repeated actor (also across sources) or a token shared by two actors is refused.</item>
/// </list>
/// Each token is hashed (SHA-256) as soon as it is parsed; the plaintext bytes are wiped right after (the file's bytes
/// too). Error messages name actors and sources, never a token.
/// </summary>
public static class BearerTokenLoader
{
    /// <summary>The largest token file read (1 MiB); a larger one is refused rather than read into memory.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Loads the tokens; <paramref name="readFile"/> reads the token file (tests pass their own).</summary>
    /// <exception cref="OmniGraphException">Any <c>auth_*</c> code but the runtime-state ones.</exception>
    public static BearerTokenRegistry Load(BearerTokenSources sources, Func<string, byte[]>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.AwsSecret is { } secret && !string.IsNullOrWhiteSpace(secret))
        {
            throw SecurityErrors.AuthConfiguration(
                ErrorCodes.AuthSourceUnsupported,
                $"{BearerTokenSources.AwsSecretVariable} is set, but this build cannot read AWS Secrets Manager: unset it and pass the tokens through {BearerTokenSources.TokensFileVariable} or {BearerTokenSources.TokensJsonVariable}");
        }

        var entries = new List<BearerTokenEntry>();
        var used = new List<string>();
        var ignored = new List<string>();
        if (sources.SingleToken is { } single)
        {
            var token = single.Trim();
            if (token.Length == 0)
            {
                throw Blank($"{BearerTokenSources.SingleTokenVariable} is blank");
            }

            var hash = new byte[SHA256.HashSizeInBytes];
            BearerTokenRegistry.Hash(token, hash);
            Add(entries, new BearerTokenEntry(hash, BearerTokenSources.SingleTokenActor, BearerTokenSources.SingleTokenVariable));
            used.Add(BearerTokenSources.SingleTokenVariable);
        }

        if (sources.TokensFile is { } path)
        {
            var bytes = ReadFile(path, readFile ?? ReadBounded);
            try
            {
                ParseObject(bytes, $"{BearerTokenSources.TokensFileVariable} file '{ErrorText.Quote(path)}'", BearerTokenSources.TokensFileVariable, entries);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            used.Add(BearerTokenSources.TokensFileVariable);
            if (sources.TokensJson is not null)
            {
                ignored.Add(BearerTokenSources.TokensJsonVariable);
            }
        }
        else if (sources.TokensJson is { } json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            try
            {
                ParseObject(bytes, BearerTokenSources.TokensJsonVariable, BearerTokenSources.TokensJsonVariable, entries);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            used.Add(BearerTokenSources.TokensJsonVariable);
        }

        return new BearerTokenRegistry(entries, used, ignored);
    }

    private static byte[] ReadFile(string path, Func<string, byte[]> readFile)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw SecurityErrors.AuthConfiguration(
                ErrorCodes.AuthTokensUnreadable,
                $"{BearerTokenSources.TokensFileVariable} names '{ErrorText.Quote(path)}', which cannot be read: {IoErrorText.Reason(exception)}",
                exception);
        }
    }

    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var buffer = new byte[MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        try
        {
            if (length > MaxFileBytes)
            {
                throw SecurityErrors.AuthConfiguration(ErrorCodes.AuthTokensUnreadable, $"the token file '{ErrorText.Quote(path)}' is larger than {MaxFileBytes} bytes");
            }

            return buffer[..length];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Reads <c>{"actor":"token", …}</c>, hashing each token straight from a wiped scratch buffer.</summary>
    private static void ParseObject(ReadOnlySpan<byte> json, string what, string sourceName, List<BearerTokenEntry> entries)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(what, "is not a JSON object of actor → token strings");
            }

            var any = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var actor = reader.GetString()!.Trim();
                if (actor.Length == 0)
                {
                    throw Blank($"{what} names a blank actor");
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    throw Malformed(what, $"gives actor '{ErrorText.Quote(actor)}' a value that is not a string");
                }

                Add(entries, new BearerTokenEntry(HashValue(ref reader, what, actor), actor, sourceName));
                any = true;
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw Malformed(what, "is not a JSON object of actor → token strings");
            }

            if (reader.Read())
            {
                throw Malformed(what, "holds more than one JSON value");
            }

            if (!any)
            {
                throw Malformed(what, "is an empty object: it names no actor");
            }
        }
        catch (JsonException exception)
        {
            // Position only: the syntax error's own text could quote part of a token.
            var where = JsonSyntax.FindError(json) is { } syntax ? $" at line {syntax.Line}, column {syntax.Column}" : string.Empty;
            throw SecurityErrors.AuthConfiguration(ErrorCodes.AuthTokensMalformed, $"{what} is not valid JSON{where}", exception);
        }
    }

    private static byte[] HashValue(ref Utf8JsonReader reader, string what, string actor)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(Math.Max(1, reader.ValueSpan.Length));
        var written = 0;
        try
        {
            written = reader.CopyString(scratch);
            var token = TrimUtf8(scratch.AsSpan(0, written));
            if (token.IsEmpty)
            {
                throw Blank($"{what} gives actor '{ErrorText.Quote(actor)}' a blank token");
            }

            return SHA256.HashData(token);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scratch.AsSpan(0, Math.Max(written, reader.ValueSpan.Length)));
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Trims Unicode white space from both ends of UTF-8 bytes (as <see cref="string.Trim()"/> does for text).</summary>
    internal static ReadOnlySpan<byte> TrimUtf8(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty && Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            bytes = bytes[consumed..];
        }

        while (!bytes.IsEmpty && Rune.DecodeLastFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            bytes = bytes[..^consumed];
        }

        return bytes;
    }

    private static void Add(List<BearerTokenEntry> entries, BearerTokenEntry entry)
    {
        foreach (var existing in entries)
        {
            if (string.Equals(existing.Actor, entry.Actor, StringComparison.Ordinal))
            {
                throw SecurityErrors.AuthConfiguration(
                    ErrorCodes.AuthDuplicateActor,
                    $"actor '{ErrorText.Quote(entry.Actor)}' has two tokens ({existing.Source} and {entry.Source}): give each actor one token");
            }

            if (existing.Hash.AsSpan().SequenceEqual(entry.Hash))
            {
                throw SecurityErrors.AuthConfiguration(
                    ErrorCodes.AuthDuplicateToken,
                    $"actors '{ErrorText.Quote(existing.Actor)}' and '{ErrorText.Quote(entry.Actor)}' have the same token: the token decides the actor, so each must be distinct");
            }
        }

        entries.Add(entry);
    }

    private static OmniGraphException Blank(string message) => SecurityErrors.AuthConfiguration(ErrorCodes.AuthTokenBlank, message);

    private static OmniGraphException Malformed(string what, string reason) => SecurityErrors.AuthConfiguration(ErrorCodes.AuthTokensMalformed, $"{what} {reason}");
}
