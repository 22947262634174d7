using System.Globalization;
using System.Text.RegularExpressions;

namespace OmniGraph.Testing.Azure;

public sealed partial class AzuriteServer
{
    private const int RecentOutputLines = 60;

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at https?://[^\s:]+:(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^##omnigraph-clock (\S+) (-?\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockLine();

    private void StartReadingOutput()
    {
        _ = Task.Run(() => ReadAsync(_process.StandardOutput));
        _ = Task.Run(() => ReadAsync(_process.StandardError));
    }

    private async Task ReadAsync(StreamReader reader)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (ClockLine().Match(line) is { Success: true } clock)
            {
                if (_clockAcks.TryRemove(clock.Groups[1].Value, out var acknowledged))
                {
                    acknowledged.TrySetResult(long.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture));
                }

                continue;
            }

            Remember(line);
            if (ListeningLine().Match(line) is { Success: true } listening)
            {
                ports[listening.Groups[1].Value] = int.Parse(listening.Groups[2].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    _listening.TrySetResult((ports["Blob"], ports["Queue"], ports["Table"]));
                }
            }
        }
    }

    private void Remember(string line)
    {
        lock (_outputGate)
        {
            _recentOutput.Enqueue(line);
            while (_recentOutput.Count > RecentOutputLines)
            {
                _recentOutput.Dequeue();
            }
        }
    }
}
