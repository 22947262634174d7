using System.Diagnostics;

namespace OmniGraph.Explorer.Tests.Support;

/// <summary>
/// Debian's <c>chromium</c> package, installed by the test run itself when it is missing (the way the Azure tests
/// install Azurite): <c>apt-get update &amp;&amp; apt-get install -y chromium</c>, as root or through <c>sudo -n</c>. The
/// browser comes from the distribution's registry; Playwright never downloads one.
/// </summary>
internal static class ChromiumInstall
{
    /// <summary>Where the browser is: <c>$OMNIGRAPH_CHROMIUM</c>, else <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("OMNIGRAPH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Installs the package unless the browser is there; throws with apt's output when that fails.</summary>
    public static async Task EnsureAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var root = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var start = new ProcessStartInfo(root ? "/bin/sh" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!root)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        // Waits for another apt or dpkg run to finish rather than failing on its lock.
        start.ArgumentList.Add("apt-get -o DPkg::Lock::Timeout=600 update && apt-get -o DPkg::Lock::Timeout=600 install -y chromium");
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start apt-get to install chromium");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(20));
        if (process.ExitCode != 0 || !File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"the explorer tests need Debian's chromium at {ExecutablePath}; `apt-get install -y chromium` exited with {process.ExitCode}:\n{Tail(await output)}\n{Tail(await error)}");
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
