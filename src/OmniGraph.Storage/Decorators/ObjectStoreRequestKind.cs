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
    /// A request that creates or replaces an object: <see cref="IObjectStore.PutAsync"/>,
    /// <see cref="IObjectStore.PutUnflushedAsync"/>, or <see cref="IObjectStore.PublishAsync"/> of a prepared put.
    /// </summary>
    Put,

    /// <summary><see cref="IObjectStore.DeleteAsync"/>.</summary>
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
}
