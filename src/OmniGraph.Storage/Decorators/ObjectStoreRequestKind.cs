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

    /// <summary><see cref="IObjectStore.PutAsync"/>.</summary>
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
}
