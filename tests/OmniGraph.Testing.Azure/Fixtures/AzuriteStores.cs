using System.Security.Cryptography;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;

namespace OmniGraph.Testing.Azure;

/// <summary>Blob stores on an <see cref="AzuriteServer"/>, each in a container of its own so tests never see each other's objects.</summary>
public static class AzuriteStores
{
    /// <summary>A fresh container name: <c>og-PURPOSE-RANDOM</c>, valid for Azure and unique per call.</summary>
    public static string NewContainerName(string purpose = "test")
    {
        var cleaned = new string(purpose.ToLowerInvariant().Select(static c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (cleaned.Contains("--", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal);
        }

        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var name = $"og-{(cleaned.Length == 0 ? "test" : cleaned)}";
        return $"{name[..Math.Min(name.Length, 63 - suffix.Length - 1)].TrimEnd('-')}-{suffix}";
    }

    /// <summary>
    /// Options for a store on <paramref name="server"/>: its connection string, a container, and a pipeline tuned for
    /// tests (short back-off so retry tests stay quick; the retry count and timeout as a test wants them).
    /// </summary>
    public static AzureBlobObjectStoreOptions Options(AzuriteServer server, string? containerName = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new AzureBlobObjectStoreOptions
        {
            ConnectionString = server.ConnectionString,
            ContainerName = containerName ?? NewContainerName(),
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>A store on <paramref name="server"/> in a new container (created by its first write), after <paramref name="configure"/> had its say.</summary>
    public static IObjectStore Create(AzuriteServer server, Action<AzureBlobObjectStoreOptions>? configure = null)
    {
        var options = Options(server);
        configure?.Invoke(options);
        return AzureBlobObjectStore.Create(options);
    }
}
