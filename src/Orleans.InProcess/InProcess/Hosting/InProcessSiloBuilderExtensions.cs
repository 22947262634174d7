using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Orleans.InProcess;

/// <summary>
/// Configuration that exists only for the in-process stand-in (code using it does not compile against real Orleans,
/// which discovers grain classes through its code generator and needs none of this).
/// </summary>
public static class InProcessSiloBuilderExtensions
{
    /// <summary>Configures <see cref="InProcessRuntimeOptions"/>.</summary>
    public static ISiloBuilder ConfigureInProcessRuntime(this ISiloBuilder builder, Action<InProcessRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Registers the grain classes of <paramref name="assembly"/> even if assembly scanning would not find it.</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return builder.ConfigureInProcessRuntime(options =>
        {
            if (!options.GrainAssemblies.Contains(assembly))
            {
                options.GrainAssemblies.Add(assembly);
            }
        });
    }
}
