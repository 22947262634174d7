namespace OmniGraph.Client.Wire;

/// <summary>The media types and headers of the HTTP interface (docs/server.md), named once for the server and its clients.</summary>
public static class WireNames
{
    /// <summary>JSON request and response bodies.</summary>
    public const string Json = "application/json";

    /// <summary>Newline-delimited JSON: <c>/load/ndjson</c> bodies and export streams.</summary>
    public const string Ndjson = "application/x-ndjson";

    /// <summary>What an export answers with.</summary>
    public const string NdjsonUtf8 = "application/x-ndjson; charset=utf-8";

    /// <summary>
    /// An Arrow IPC stream: what <c>POST /query</c> answers with when the request's <c>Accept</c> names it (typed columns
    /// instead of JSON values; the read's metadata travels in the <c>Omnigraph-*</c> headers).
    /// </summary>
    public const string ArrowStream = "application/vnd.apache.arrow.stream";

    /// <summary>The compare-and-swap precondition of <c>/mutate/if-graph-commit</c>: the expected branch head commit.</summary>
    public const string IfGraphCommitHeader = "Omnigraph-If-Graph-Commit";

    /// <summary>The query that ran (Arrow read responses).</summary>
    public const string QueryNameHeader = "Omnigraph-Query-Name";

    /// <summary>The commit of the snapshot that served a read (Arrow read responses).</summary>
    public const string GraphCommitIdHeader = "Omnigraph-Graph-Commit-Id";

    /// <summary>The branch of the snapshot that served a read (Arrow read responses).</summary>
    public const string BranchHeader = "Omnigraph-Branch";

    /// <summary>The manifest version of the snapshot that served a read (Arrow read responses).</summary>
    public const string ManifestVersionHeader = "Omnigraph-Manifest-Version";
}
