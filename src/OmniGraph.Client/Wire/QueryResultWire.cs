using System.Globalization;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Wire;

/// <summary>
/// A read's result as an HTTP response body of <see cref="WireNames.ArrowStream"/>: the rows as one Arrow record batch
/// in an IPC stream (typed columns, exactly as the engine produced them), the read's metadata in headers. The CLI
/// with <c>--server</c> asks for it, so every output format renders the same values as the embedded engine does.
/// </summary>
public static class QueryResultWire
{
    /// <summary>The body of <paramref name="result"/>.</summary>
    public static byte[] ToBody(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ArrowStreamWriter.WriteToArray(result.Rows.Schema, [result.Rows]);
    }

    /// <summary>The headers that carry <paramref name="result"/>'s metadata, by name.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Headers(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        yield return new(WireNames.QueryNameHeader, result.QueryName);
        yield return new(WireNames.GraphCommitIdHeader, result.GraphCommitId);
        yield return new(WireNames.BranchHeader, result.Branch);
        yield return new(WireNames.ManifestVersionHeader, result.ManifestVersion.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The result of a read of <paramref name="target"/> from its body and headers.</summary>
    /// <exception cref="OmniGraphException">Code <c>corrupt_object</c>: the response is not a read result.</exception>
    public static QueryResult FromBody(ReadOnlyMemory<byte> body, Func<string, string?> header, QueryTarget target)
    {
        ArgumentNullException.ThrowIfNull(header);
        var (_, batches) = ArrowStreamReader.ReadAll(body);
        if (batches.Count != 1)
        {
            throw Malformed($"the response holds {batches.Count} record batches, not one");
        }

        var queryName = header(WireNames.QueryNameHeader) ?? throw Malformed($"the response has no {WireNames.QueryNameHeader} header");
        var commit = header(WireNames.GraphCommitIdHeader) ?? throw Malformed($"the response has no {WireNames.GraphCommitIdHeader} header");
        var branch = header(WireNames.BranchHeader) ?? throw Malformed($"the response has no {WireNames.BranchHeader} header");
        if (!long.TryParse(header(WireNames.ManifestVersionHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw Malformed($"the response has no valid {WireNames.ManifestVersionHeader} header");
        }

        return new QueryResult(queryName, target, batches[0], commit, branch, version);
    }

    private static OmniGraphException Malformed(string reason) =>
        new(ErrorCodes.CorruptObject, $"a read response from the server is malformed: {reason}");
}
