using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace OmniGraph.Ingest;

public sealed partial class JsonlIntake
{
    private static readonly SearchValues<byte> s_jsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>
    /// Reads the next piece of input. Complete lines are parsed straight from <paramref name="chunk"/>; a trailing
    /// partial line is kept until the chunk that completes it arrives (or <see cref="Complete"/>).
    /// </summary>
    /// <exception cref="IngestException">A line is invalid; the intake is now faulted.</exception>
    /// <exception cref="InvalidOperationException">The intake already completed or failed.</exception>
    public void Feed(ReadOnlySpan<byte> chunk)
    {
        EnsureUsable();
        try
        {
            FeedLines(chunk);
        }
        catch (Exception exception)
        {
            _fault = exception;
            throw;
        }
    }

    private void FeedLines(ReadOnlySpan<byte> chunk)
    {
        if (_carry.Length > 0)
        {
            var end = chunk.IndexOf((byte)'\n');
            if (end < 0)
            {
                AppendCarry(chunk);
                return;
            }

            AppendCarry(chunk[..end]);
            ProcessLine(_carry.WrittenSpan);
            _carry.Release(4096);
            chunk = chunk[(end + 1)..];
        }

        var maxLineBytes = _options.MaxLineBytes;
        while (true)
        {
            var end = chunk.IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            if (end > maxLineBytes)
            {
                throw IngestException.Limit(LinesRead + 1, "line bytes", maxLineBytes, end);
            }

            ProcessLine(chunk[..end]);
            chunk = chunk[(end + 1)..];
        }

        AppendCarry(chunk);
    }

    private void AppendCarry(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        var length = (long)_carry.Length + bytes.Length;
        if (length > _options.MaxLineBytes)
        {
            throw IngestException.Limit(LinesRead + 1, "line bytes", _options.MaxLineBytes, length);
        }

        _carry.Append(bytes);
    }

    /// <summary>Reads one physical line (without its LF). Blank and whitespace-only lines are skipped.</summary>
    private void ProcessLine(ReadOnlySpan<byte> line)
    {
        var lineNumber = ++LinesRead;
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            // A UTF-8 byte order mark some editors write at the start of a file.
            line = line[3..];
        }

        if (line.IndexOfAnyExcept(s_jsonWhitespace) < 0)
        {
            return;
        }

        RecordsRead++;
        if (!Utf8.IsValid(line))
        {
            throw IngestException.InvalidJson(lineNumber, "the line is not valid UTF-8");
        }

        try
        {
            ReadRecord(line, lineNumber);
        }
        catch (JsonException exception)
        {
            throw IngestException.InvalidJson(lineNumber, StrictJsonValidator.Describe(exception, line, s_readerOptions.MaxDepth), exception);
        }
        catch (IngestException)
        {
            // Records are read in one forward pass; a malformed line must still report its JSON error first.
            StrictJsonValidator.ThrowIfInvalid(line, lineNumber, s_readerOptions);
            throw;
        }
    }
}
