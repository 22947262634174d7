namespace OmniGraph.Storage;

/// <summary>Kinds of object-store requests that <see cref="CountingObjectStore"/> counts.</summary>
public enum ObjectStoreRequestKind
{
    /// <summary><see cref="IObjectStore.GetAsync"/>.</summary>
    Get,

    /// <summary><see cref="IObjectStore.GetRangeAsync"/>.</summary>
    RangeGet,

    /// <summary><see cref="IObjectStore.GetPropertiesAsync"/>.</summary>
    Properties,

    /// <summary>
    /// A request that creates or replaces an object unconditionally: <see cref="IObjectStore.PutAsync"/> or
    /// <see cref="IObjectStore.PublishAsync"/> of a prepared put with <see cref="WriteCondition.None"/> (a lease id alone
    /// does not make it conditional).
    /// </summary>
    Put,

    /// <summary><see cref="IObjectStore.DeleteAsync"/> without a condition, and each key of <see cref="IObjectStore.DeleteAllAsync"/>.</summary>
    Delete,

    /// <summary><see cref="IObjectStore.ListAsync"/> (one per page).</summary>
    List,

    /// <summary><see cref="IObjectStore.AcquireLeaseAsync"/>.</summary>
    AcquireLease,

    /// <summary><see cref="IObjectStore.RenewLeaseAsync"/>.</summary>
    RenewLease,

    /// <summary><see cref="IObjectStore.ReleaseLeaseAsync"/>.</summary>
    ReleaseLease,

    /// <summary><see cref="IObjectStore.BreakLeaseAsync"/>.</summary>
    BreakLease,

    /// <summary><see cref="IObjectStore.FlushAsync"/> (one per call, however many keys).</summary>
    Flush,

    /// <summary><see cref="IObjectStore.PreparePutAsync"/> (the durable half of a put that publishes later).</summary>
    PreparePut,

    /// <summary>
    /// A put or publish with a condition: create-if-absent (<see cref="WriteCondition.IfNotExists"/>, and every
    /// <see cref="IObjectStore.PutUnflushedAsync"/>) or compare-and-swap (<see cref="WriteCondition.IfMatch"/>), what
    /// stages a write's objects, moves heads and publishes manifests.
    /// </summary>
    ConditionalPut,

    /// <summary><see cref="IObjectStore.DeleteAsync"/> with a condition (compare-and-swap on the entity tag).</summary>
    ConditionalDelete,
}
