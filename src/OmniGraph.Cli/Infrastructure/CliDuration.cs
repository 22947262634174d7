using System.Globalization;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>Durations on the command line: a whole number and a unit, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c> (<c>0s</c>, <c>30m</c>, <c>7d</c>).</summary>
internal static class CliDuration
{
    /// <summary>Parses <paramref name="text"/> given for <paramref name="flag"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: not a whole number followed by one of the units.</exception>
    public static TimeSpan Parse(string text, string flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length >= 2
            && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount <= 36_500L * 86_400)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm' when amount <= 36_500L * 1_440: return TimeSpan.FromMinutes(amount);
                case 'h' when amount <= 36_500L * 24: return TimeSpan.FromHours(amount);
                case 'd' when amount <= 36_500L: return TimeSpan.FromDays(amount);
            }
        }

        throw CliErrors.Usage($"{flag} '{ErrorText.Quote(text)}' is not a duration: a whole number and a unit s, m, h or d (0s, 30m, 7d), at most 100 years");
    }
}
