namespace Orleans.Configuration;

/// <summary>When idle activations are collected (deactivated to free memory).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>Default <see cref="CollectionAge"/>: 15 minutes.</summary>
    public static readonly TimeSpan DEFAULT_COLLECTION_AGE_LIMIT = TimeSpan.FromMinutes(15);

    /// <summary>Default <see cref="CollectionQuantum"/>: 1 minute.</summary>
    public static readonly TimeSpan DEFAULT_COLLECTION_QUANTUM = TimeSpan.FromMinutes(1);

    /// <summary>Default <see cref="ActivationTimeout"/> and <see cref="DeactivationTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DEFAULT_ACTIVATION_TIMEOUT = TimeSpan.FromSeconds(30);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = DEFAULT_COLLECTION_QUANTUM;

    /// <summary>How long an activation may stay idle (no request, no keep-alive timer tick) before it is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = DEFAULT_COLLECTION_AGE_LIMIT;

    /// <summary>Per grain class (full name) overrides of <see cref="CollectionAge"/>.</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; set; } = [];

    /// <summary>How long state reads plus <c>OnActivateAsync</c> may take before the activation is cancelled.</summary>
    public TimeSpan ActivationTimeout { get; set; } = DEFAULT_ACTIVATION_TIMEOUT;

    /// <summary>How long <c>OnDeactivateAsync</c> may take before its token is cancelled.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = DEFAULT_ACTIVATION_TIMEOUT;
}
