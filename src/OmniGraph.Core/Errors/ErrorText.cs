using System.Globalization;

namespace OmniGraph;

/// <summary>
/// Keeps error messages a readable size, whatever they quote. Every <see cref="OmniGraphException"/> passes its message
/// through <see cref="Bound"/>, so no input (a million-character type name, a huge value, a long path) can make one error
/// line megabytes long; messages that quote a name or value use <see cref="Quote"/> to keep the quote short and the rest
/// of the sentence intact.
/// </summary>
public static class ErrorText
{
    /// <summary>The longest name or value a message quotes whole (longer ones keep their start and say how long they are).</summary>
    public const int MaxQuotedChars = 80;

    /// <summary>The longest message: longer ones keep their start and end and say how much was left out.</summary>
    public const int MaxMessageChars = 2000;

    private const int QuotedHeadChars = 60;
    private const int TailChars = 200;

    /// <summary>
    /// <paramref name="value"/> as a message quotes it: unchanged up to <see cref="MaxQuotedChars"/> characters, else its
    /// first characters, an ellipsis and the full length (<c>AAAA…AAAA… (1,000 characters)</c>).
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null || value.Length <= MaxQuotedChars)
        {
            return value ?? string.Empty;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, SafeCut(value, QuotedHeadChars))}… ({value.Length:N0} characters)");
    }

    /// <summary>
    /// <paramref name="message"/> bounded to about <see cref="MaxMessageChars"/> characters: a longer one keeps its start
    /// and its last characters (where messages put the position or the expected form) around a note of what was left out.
    /// </summary>
    public static string Bound(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxMessageChars)
        {
            return message;
        }

        var head = SafeCut(message, MaxMessageChars - TailChars - 40);
        var tailStart = message.Length - TailChars;
        if (char.IsLowSurrogate(message[tailStart]))
        {
            tailStart++;
        }

        var omitted = tailStart - head;
        return string.Create(CultureInfo.InvariantCulture, $"{message.AsSpan(0, head)} …[{omitted:N0} characters left out]… {message.AsSpan(tailStart)}");
    }

    /// <summary>A cut at or before <paramref name="length"/> that does not split a surrogate pair.</summary>
    private static int SafeCut(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
