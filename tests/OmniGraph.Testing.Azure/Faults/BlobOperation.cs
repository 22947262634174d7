namespace OmniGraph.Testing.Azure;

/// <summary>What a blob service request does, as <see cref="BlobRequest"/> classifies it.</summary>
public enum BlobOperation
{
    /// <summary>GET of a blob (whole or ranged).</summary>
    Get,

    /// <summary>HEAD of a blob.</summary>
    GetProperties,

    /// <summary>PUT of a blob (Put Blob).</summary>
    Put,

    /// <summary>DELETE of a blob.</summary>
    Delete,

    /// <summary>List Blobs of a container.</summary>
    List,

    /// <summary>A lease action (acquire, renew, release, break, change) on a blob; <see cref="BlobRequest.LeaseAction"/> says which.</summary>
    Lease,

    /// <summary>Create Container.</summary>
    CreateContainer,

    /// <summary>Anything else (service or container properties, ...).</summary>
    Other,
}
