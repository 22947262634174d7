using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// Serializes the stored JSON documents and reads them back strictly: the format is checked first (so an unknown or
/// newer format gets its own typed error), then the document is parsed with unknown, missing, duplicate and null members
/// refused, then every field is validated. Any failure is a typed error naming the object key, never a crash and never
/// a silently wrong value.
/// </summary>
internal static partial class StoredDocuments
{
    private static readonly StorageJsonContext s_context = StorageJsonContext.Default;

    public static byte[] Serialize(GraphStampDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.GraphStampDocument);

    public static byte[] Serialize(ManifestDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.ManifestDocument);

    public static byte[] Serialize(TableVersionDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.TableVersionDocument);

    public static byte[] Serialize(TableVersionDeltaDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.TableVersionDeltaDocument);

    public static byte[] Serialize(SidecarDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.SidecarDocument);

    public static byte[] Serialize(CommitPointerDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, s_context.CommitPointerDocument);

    /// <summary>Reads <c>graph.json</c>.</summary>
    /// <exception cref="OmniGraphException">Code <c>unsupported_storage_format</c>: Another format, or another storage version.</exception>
    /// <exception cref="CorruptObjectException">Malformed.</exception>
    public static GraphStampDocument ReadStamp(string key, ReadOnlySpan<byte> utf8)
    {
        var (format, version) = PeekStamp(key, utf8);
        if (!string.Equals(format, StorageFormat.FormatName, StringComparison.Ordinal))
        {
            throw EngineErrors.UnsupportedStorageFormat(key, $"format '{format}' is not '{StorageFormat.FormatName}'");
        }

        if (version > StorageFormat.StorageVersion)
        {
            throw EngineErrors.UnsupportedStorageFormat(key, $"storage version {version} is newer than this build reads ({StorageFormat.StorageVersion}); upgrade omnigraph");
        }

        if (version < StorageFormat.StorageVersion)
        {
            throw EngineErrors.UnsupportedStorageFormat(key, $"storage version {version} is older than this build reads ({StorageFormat.StorageVersion}); rebuild the graph with export and load");
        }

        var stamp = Parse(key, utf8, s_context.GraphStampDocument);
        Check(key, IsUlid(stamp.MainBranchIncarnation), "main_branch_incarnation is not a ULID");
        Check(key, IsUlid(stamp.GenesisCommit), "genesis_commit is not a ULID");
        Check(key, IsSchemaHash(stamp.SchemaHash), "schema_hash is not a SHA-256 hex digest");
        Check(key, stamp.CreatedAt >= 0, "created_at is negative");
        return stamp;
    }

    /// <summary>Reads a manifest object.</summary>
    public static ManifestDocument ReadManifest(string key, ReadOnlySpan<byte> utf8, string expectedIncarnation, long expectedVersion)
    {
        RequireObjectFormat(key, utf8, "format", StorageFormat.ObjectFormat);
        var manifest = Parse(key, utf8, s_context.ManifestDocument);
        ValidateManifest(key, manifest);
        Check(key, string.Equals(manifest.BranchIncarnation, expectedIncarnation, StringComparison.Ordinal), $"it names branch incarnation {manifest.BranchIncarnation}, expected {expectedIncarnation}");
        Check(key, manifest.Version == expectedVersion, $"it names version {manifest.Version}, expected {expectedVersion}");
        return manifest;
    }

    /// <summary>
    /// Reads a table version object, full (format 1) or a delta over its parent (format 2), and checks it is the version
    /// <paramref name="expected"/> names. A delta is not resolved here (<see cref="TableVersionChain.ResolveAsync"/>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>unsupported_storage_format</c>: another format.</exception>
    /// <exception cref="CorruptObjectException">Malformed, or another version than <paramref name="expected"/>.</exception>
    public static StoredTableVersion ReadTableVersion(string key, ReadOnlySpan<byte> utf8, TableVersionRef expected)
    {
        var stored = ParseTableVersion(key, utf8);
        var document = stored.Header;
        Check(key, string.Equals(document.Table, expected.Table, StringComparison.Ordinal) && document.TableId == expected.TableId, $"it describes {document.Table} (id {document.TableId}), expected {expected.Table} (id {expected.TableId})");
        Check(key, document.Version == expected.Version && string.Equals(document.BranchIncarnation, expected.ChainIncarnation, StringComparison.Ordinal), $"it is version {document.Version} of chain {document.BranchIncarnation}, expected {expected.Version} of {expected.ChainIncarnation}");
        Check(key, document.RowCount == expected.RowCount, $"it has {document.RowCount} rows but the reference says {expected.RowCount}");
        Check(key, string.Equals(document.SchemaHash, expected.SchemaHash, StringComparison.Ordinal), $"it is laid out by schema {document.SchemaHash}, the reference says {expected.SchemaHash}");
        return stored;
    }

    /// <summary>Reads a table version object found by listing (no reference names it): it must be the version its key names.</summary>
    public static StoredTableVersion ReadListedTableVersion(string key, ReadOnlySpan<byte> utf8)
    {
        var stored = ParseTableVersion(key, utf8);
        var document = stored.Header;
        Check(
            key,
            GraphObjectKeys.IsTableVersion(key, GraphObjectKeys.IsEdgeTable(document.Table), document.TableId, document.BranchIncarnation, document.Version, document.Tx),
            $"it describes version {document.Version} of {document.Table} on chain {document.BranchIncarnation}, which is stored under another key");
        return stored;
    }

    private static StoredTableVersion ParseTableVersion(string key, ReadOnlySpan<byte> utf8)
    {
        var format = RequireObjectFormat(key, utf8, "format", StorageFormat.TableVersionDeltaFormat, StorageFormat.ObjectFormat);
        if (format == StorageFormat.TableVersionDeltaFormat)
        {
            var delta = Parse(key, utf8, s_context.TableVersionDeltaDocument);
            ValidateTableVersionDelta(key, delta);
            return StoredTableVersion.Of(delta);
        }

        var document = Parse(key, utf8, s_context.TableVersionDocument);
        ValidateTableVersion(key, document);
        return StoredTableVersion.Of(document);
    }

    /// <summary>Reads a recovery sidecar.</summary>
    /// <exception cref="RecoveryRequiredException">The sidecar cannot be read or has an unknown format (it is refused and kept).</exception>
    public static SidecarDocument ReadSidecar(string key, ReadOnlySpan<byte> utf8)
    {
        var tx = GraphObjectKeys.SidecarTx(key) ?? key;
        try
        {
            RequireObjectFormat(key, utf8, "sidecar_format", StorageFormat.SidecarFormat, StorageFormat.OldestSidecarFormat);
            var sidecar = Parse(key, utf8, s_context.SidecarDocument);
            ValidateSidecar(key, sidecar);
            return sidecar;
        }
        catch (OmniGraphException exception) when (exception is CorruptObjectException or { Code: ErrorCodes.UnsupportedStorageFormat })
        {
            throw new RecoveryRequiredException(tx, key, $"the sidecar is refused and kept: {ReasonOf(exception)}", exception);
        }
    }

    /// <summary>Reads a commit pointer.</summary>
    public static CommitPointerDocument ReadCommitPointer(string key, ReadOnlySpan<byte> utf8, string expectedCommitId)
    {
        RequireObjectFormat(key, utf8, "format", StorageFormat.ObjectFormat);
        var pointer = Parse(key, utf8, s_context.CommitPointerDocument);
        Check(key, string.Equals(pointer.CommitId, expectedCommitId, StringComparison.Ordinal), $"it names commit {pointer.CommitId}, expected {expectedCommitId}");
        Check(key, IsBranchName(pointer.Branch), "branch is empty");
        Check(key, IsUlid(pointer.BranchIncarnation), "branch_incarnation is not a ULID");
        Check(key, pointer.ManifestVersion >= 1, "manifest_version is below 1");
        return pointer;
    }

    private static string ReasonOf(OmniGraphException exception) => exception.Get(ErrorDetail.Reason) ?? exception.Message;

    private static T Parse<T>(string key, ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, typeInfo) ?? throw new CorruptObjectException(key, "it is JSON null");
        }
        catch (JsonException exception)
        {
            throw new CorruptObjectException(key, JsonSyntax.DescribeFailure(utf8, exception), exception);
        }
    }

    private static (string? Format, long Version) PeekStamp(string key, ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorruptObjectException(key, "it is not a JSON object");
            }

            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (!root.TryGetProperty("storage_version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var version))
            {
                throw new CorruptObjectException(key, "storage_version is missing or not an integer");
            }

            return (format, version);
        }
        catch (JsonException exception)
        {
            throw new CorruptObjectException(key, JsonSyntax.DescribeFailure(utf8, exception), exception);
        }
    }

    /// <summary>Checks the format member is one this build reads, and returns it.</summary>
    private static long RequireObjectFormat(string key, ReadOnlySpan<byte> utf8, string member, int supported, int oldest = -1)
    {
        oldest = oldest < 0 ? supported : oldest;
        long format;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorruptObjectException(key, "it is not a JSON object");
            }

            if (!root.TryGetProperty(member, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out format))
            {
                throw new CorruptObjectException(key, $"{member} is missing or not an integer");
            }
        }
        catch (JsonException exception)
        {
            throw new CorruptObjectException(key, JsonSyntax.DescribeFailure(utf8, exception), exception);
        }

        if (format < oldest || format > supported)
        {
            var reads = oldest == supported ? $"{supported}" : $"{oldest} to {supported}";
            throw EngineErrors.UnsupportedStorageFormat(key, $"{member} {format} is unknown (this build reads {reads}){(format > supported ? "; upgrade omnigraph" : string.Empty)}");
        }

        return format;
    }
}
