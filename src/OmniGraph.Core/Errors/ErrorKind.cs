namespace OmniGraph;

/// <summary>
/// What kind of failure an error code stands for. The kind, not the code, decides how a front-end reports it: the CLI's
/// exit code and the HTTP status (<see cref="ErrorKinds"/>). Every code of <see cref="ErrorCodes"/> has exactly one kind.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request or its input is not acceptable (a parse error, a value breaking a schema rule). Exit 1, HTTP 400.</summary>
    Invalid,

    /// <summary>The command line itself is not usable. Exit 2, HTTP 400.</summary>
    Usage,

    /// <summary>Something the request names does not exist (a graph, a branch, a commit, a file). Exit 1, HTTP 404.</summary>
    NotFound,

    /// <summary>The request lost a race or collides with what is stored (a key that exists, a moved head). Exit 1, HTTP 409.</summary>
    Conflict,

    /// <summary>The caller's own compare-and-swap precondition does not hold. Exit 4, HTTP 412.</summary>
    PreconditionFailed,

    /// <summary>A size limit was exceeded before any effect. Exit 1, HTTP 413.</summary>
    TooLarge,

    /// <summary>The operation cannot run now (storage failing, a pending recovery): retrying later may succeed. Exit 1, HTTP 503.</summary>
    Unavailable,

    /// <summary>Stored data is damaged, missing or of an unknown format. Exit 1, HTTP 500.</summary>
    Integrity,

    /// <summary>The caller stopped the operation before it finished. Exit 130 (143 after SIGTERM), HTTP 499.</summary>
    Cancelled,

    /// <summary>The operation did not finish in the time it was given. Exit 1, HTTP 504.</summary>
    Timeout,

    /// <summary>A failure that is no deliberate error of OmniGraph (a bug, an injected fault in a test). Exit 1, HTTP 500.</summary>
    Internal,

    /// <summary>The request carries no credentials, or credentials that match none configured. Exit 1, HTTP 401.</summary>
    Unauthorized,

    /// <summary>The caller is known but may not do this (a policy decision). Exit 1, HTTP 403.</summary>
    Forbidden,

    /// <summary>The request body is not of a media type the operation reads. Exit 1, HTTP 415.</summary>
    UnsupportedMediaType,

    /// <summary>The caller has too many requests in flight; retry after a while. Exit 1, HTTP 429.</summary>
    TooManyRequests,

    /// <summary>The operation is part of the interface but this version does not do it yet. Exit 1, HTTP 501.</summary>
    NotImplemented,

    /// <summary>What the request names existed once but can no longer be read (history a change cursor needs). Exit 1, HTTP 410.</summary>
    Gone,
}
