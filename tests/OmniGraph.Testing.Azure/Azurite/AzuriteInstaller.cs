using System.Security.Cryptography;
using System.Text.Json;

namespace OmniGraph.Testing.Azure;

/// <summary>
/// Installs the pinned Azurite (this assembly's <c>Azurite/package.json</c> and <c>package-lock.json</c>) with
/// <c>npm ci</c> into a cache folder, once per machine and lock: <c>$OMNIGRAPH_TEST_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/omnigraph-tests</c>, else <c>~/.cache/omnigraph-tests</c>, in a folder named after the version
/// and the lock's hash. Test processes that start at the same time take turns through a lock file; an interrupted
/// install is never used (the folder appears by one rename once <c>npm ci</c> has succeeded).
/// </summary>
public static class AzuriteInstaller
{
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<Task<AzuriteInstallation>> s_installation = new(() => InstallAsync(CancellationToken.None));

    /// <summary>The Azurite version package.json pins.</summary>
    public static string Version { get; } = ReadPinnedVersion();

    /// <summary>The folder that holds installations.</summary>
    public static string CacheRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("OMNIGRAPH_TEST_CACHE") is { Length: > 0 } configured)
            {
                return Path.GetFullPath(configured);
            }

            var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cacheHome, "omnigraph-tests");
        }
    }

    /// <summary>Installs Azurite unless it already is; returns where. The first call of a process does the work, later ones share it.</summary>
    public static Task<AzuriteInstallation> EnsureInstalledAsync() => s_installation.Value;

    private static async Task<AzuriteInstallation> InstallAsync(CancellationToken cancellationToken)
    {
        var packageJson = ReadResource("azurite/package.json");
        var packageLock = ReadResource("azurite/package-lock.json");
        var hostScript = ReadResource("azurite/azurite-host.cjs");
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. packageJson, .. packageLock]))[..12];
        Directory.CreateDirectory(CacheRoot);
        var directory = Path.Combine(CacheRoot, $"azurite-{Version}-{hash}");
        var entry = Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js");

        using (await CacheLock.AcquireAsync(directory + ".lock", s_installTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(entry))
            {
                var staging = $"{directory}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
                try
                {
                    Directory.CreateDirectory(staging);
                    await File.WriteAllBytesAsync(Path.Combine(staging, "package.json"), packageJson, cancellationToken).ConfigureAwait(false);
                    await File.WriteAllBytesAsync(Path.Combine(staging, "package-lock.json"), packageLock, cancellationToken).ConfigureAwait(false);

                    // Azurite runs from its JavaScript alone; dependency install scripts are not needed and not run.
                    await NodeTools.RunNpmAsync(staging, s_installTimeout, cancellationToken, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error").ConfigureAwait(false);
                    if (Directory.Exists(directory))
                    {
                        Directory.Delete(directory, recursive: true);
                    }

                    Directory.Move(staging, directory);
                }
                finally
                {
                    if (Directory.Exists(staging))
                    {
                        Directory.Delete(staging, recursive: true);
                    }
                }
            }

            // The host script is small and changes with this assembly, not with the lock: written (atomically) per content.
            var hostPath = Path.Combine(directory, $"azurite-host-{Convert.ToHexStringLower(SHA256.HashData(hostScript))[..12]}.cjs");
            if (!File.Exists(hostPath))
            {
                var temporary = hostPath + $".tmp-{Environment.ProcessId}";
                await File.WriteAllBytesAsync(temporary, hostScript, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, hostPath, overwrite: true);
            }

            return new AzuriteInstallation(directory, entry, hostPath);
        }
    }

    private static string ReadPinnedVersion()
    {
        using var document = JsonDocument.Parse(ReadResource("azurite/package.json"));
        return document.RootElement.GetProperty("dependencies").GetProperty("azurite").GetString()
            ?? throw new InvalidOperationException("Azurite/package.json pins no azurite version");
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(AzuriteInstaller).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(AzuriteInstaller).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>An installed Azurite.</summary>
/// <param name="Directory">The installation folder.</param>
/// <param name="EntryScript">Azurite's main script (blob, queue and table services).</param>
/// <param name="HostScript">The lifeline and clock script node preloads.</param>
public sealed record AzuriteInstallation(string Directory, string EntryScript, string HostScript);
