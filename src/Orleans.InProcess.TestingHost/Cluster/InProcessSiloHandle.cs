using Microsoft.Extensions.Hosting;
using Orleans.InProcess;

namespace Orleans.TestingHost;

/// <summary>One silo of an <see cref="InProcessTestCluster"/>.</summary>
public sealed class InProcessSiloHandle
{
    internal InProcessSiloHandle(string name, IHost siloHost)
    {
        Name = name;
        SiloHost = siloHost;
        Runtime = (InProcessRuntime)siloHost.Services.GetService(typeof(InProcessRuntime))!;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>The silo's host.</summary>
    public IHost SiloHost { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider ServiceProvider => SiloHost.Services;

    /// <summary>Whether the silo is running (not stopped or killed).</summary>
    public bool IsActive => Runtime.State == InProcessRuntime.SiloState.Running;

    internal InProcessRuntime Runtime { get; }

    public override string ToString() => $"{Name} ({Runtime.SiloIdentity}, {Runtime.State})";
}
