using System.Reflection;

namespace OmniGraph.Server.Hosting;

/// <summary>Facts about this server build.</summary>
internal static class ServerInfo
{
    /// <summary>The product version.</summary>
    public static string Version { get; } = typeof(ServerInfo).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
