using Azure.Core;

namespace OmniGraph.Testing.Azure;

/// <summary>
/// One attempt of a blob service request, as the fault injector sees it before it is sent: what it does, on which
/// container and blob, and under which conditions.
/// </summary>
/// <param name="Operation">What it does.</param>
/// <param name="ContainerName">The container, or <c>null</c> for a service-level request.</param>
/// <param name="BlobName">The blob name (an object key, with the store's prefix if it has one), or <c>null</c>.</param>
/// <param name="LeaseAction">For <see cref="BlobOperation.Lease"/>: acquire, renew, release, break or change.</param>
/// <param name="IfMatch">The <c>If-Match</c> header, if any (a compare-and-swap).</param>
/// <param name="IfNoneMatch">The <c>If-None-Match</c> header, if any (<c>*</c>: a create-if-absent).</param>
public sealed record BlobRequest(BlobOperation Operation, string? ContainerName, string? BlobName, string? LeaseAction, string? IfMatch, string? IfNoneMatch)
{
    /// <summary>Whether this is a put with <c>If-None-Match: *</c>.</summary>
    public bool IsCreateIfAbsent => Operation == BlobOperation.Put && IfNoneMatch == "*";

    /// <summary>Whether this is a put or delete with <c>If-Match</c>.</summary>
    public bool IsCompareAndSwap => Operation is BlobOperation.Put or BlobOperation.Delete && IfMatch is not null;

    /// <summary>Whether it addresses <paramref name="key"/> (the blob name is the key, or ends with <c>/key</c> under a store prefix).</summary>
    public bool IsFor(string key) =>
        BlobName is not null && (BlobName == key || BlobName.EndsWith("/" + key, StringComparison.Ordinal));

    /// <summary>Classifies an SDK request.</summary>
    public static BlobRequest From(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.Uri.ToUri();
        var query = ParseQuery(uri.Query);
        var (container, blob) = SplitPath(uri);
        var method = request.Method;
        query.TryGetValue("restype", out var resourceType);
        query.TryGetValue("comp", out var component);
        var operation = (method.Method, resourceType, component, blob) switch
        {
            ("GET", "container", "list", _) => BlobOperation.List,
            ("PUT", "container", null, _) => BlobOperation.CreateContainer,
            ("PUT", _, "lease", not null) => BlobOperation.Lease,
            ("PUT", null, null, not null) => BlobOperation.Put,
            ("GET", null, null, not null) => BlobOperation.Get,
            ("HEAD", null, null, not null) => BlobOperation.GetProperties,
            ("DELETE", null, null, not null) => BlobOperation.Delete,
            _ => BlobOperation.Other,
        };
        return new BlobRequest(
            operation,
            container,
            blob,
            request.Headers.TryGetValue("x-ms-lease-action", out var leaseAction) ? leaseAction : null,
            request.Headers.TryGetValue("If-Match", out var ifMatch) ? ifMatch : null,
            request.Headers.TryGetValue("If-None-Match", out var ifNoneMatch) ? ifNoneMatch : null);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            values[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return values;
    }

    /// <summary>
    /// The container and blob of a request path. An emulator (a loopback or IP host) puts the account first in the path
    /// (<c>/account/container/blob</c>); Azure puts it in the host name (<c>/container/blob</c>).
    /// </summary>
    private static (string? Container, string? Blob) SplitPath(Uri uri)
    {
        var path = uri.AbsolutePath.TrimStart('/');
        var accountInPath = uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        if (accountInPath)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            path = slash < 0 ? string.Empty : path[(slash + 1)..];
        }

        if (path.Length == 0)
        {
            return (null, null);
        }

        var separator = path.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? (Uri.UnescapeDataString(path), null)
            : (Uri.UnescapeDataString(path[..separator]), Uri.UnescapeDataString(path[(separator + 1)..]));
    }
}
