using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Activation;
using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// Base class of grains. The runtime constructs grains through dependency injection on the activation's turn, so
/// the parameterless constructor finds its activation through <see cref="RuntimeContext.Current"/>; a grain may
/// instead take an <see cref="IGrainContext"/> constructor parameter and pass it to <see cref="Grain(IGrainContext)"/>.
/// </summary>
public abstract class Grain : IGrainBase, IAddressable
{
    private IGrainFactory? _grainFactory;

    /// <summary>Creates the grain for the activation being constructed (<c>null</c> context outside the runtime, as in Orleans).</summary>
    protected Grain()
    {
        // The runtime guarantees a current context while it constructs grains; a grain built by hand in a unit test has none.
        GrainContext = RuntimeContext.Current!;
    }

    /// <summary>Creates the grain for <paramref name="grainContext"/>.</summary>
    protected Grain(IGrainContext grainContext)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        GrainContext = grainContext;
    }

    /// <inheritdoc />
    public IGrainContext GrainContext { get; }

    /// <summary>A reference to this grain.</summary>
    public GrainReference GrainReference => Context.GrainReference;

    /// <summary>The string form of this grain's id (<c>"type/key"</c>).</summary>
    public string IdentityString => Context.GrainId.ToString();

    /// <summary>The identity of the silo hosting this activation.</summary>
    public string RuntimeIdentity => Activation.Runtime.SiloIdentity;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => _grainFactory ??= Context.ActivationServices.GetRequiredService<IGrainFactory>();

    /// <summary>The activation's services.</summary>
    protected internal IServiceProvider ServiceProvider => Context.ActivationServices;

    private IGrainContext Context => GrainContext ?? throw new InvalidOperationException($"Grain {GetType().FullName} was not created by the runtime, so it has no grain context.");

    private GrainActivation Activation => Context as GrainActivation
        ?? throw new InvalidOperationException($"Grain {GetType().FullName} is not hosted by the in-process runtime.");

    /// <inheritdoc />
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once its running requests have finished; later calls get a fresh one.</summary>
    protected void DeactivateOnIdle() => GrainBaseExtensions.DeactivateOnIdle(this);

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);
}
