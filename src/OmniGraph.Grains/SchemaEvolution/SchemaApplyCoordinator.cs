using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Grains.Writes;
using OmniGraph.Schema;
using OmniGraph.Schema.Migration;

namespace OmniGraph.Grains.SchemaEvolution;

/// <summary>
/// Plans and applies schema changes (docs/schema-language.md, "Changing the schema"):
/// <list type="number">
/// <item>main's write entry (heal, head) and its accepted schema; the plan (<see cref="SchemaMigrationPlanner"/>), refused
/// whole when any step is unsupported;</item>
/// <item>the new schema's source and IR stored (content-addressed: harmless if nothing ever names them);</item>
/// <item>the new table set: a table whose stored layout is unchanged keeps its version (an enum widening, an index, a
/// metadata change, a renamed endpoint type rewrite nothing); a table whose layout changes (a property added, renamed
/// or dropped, the type renamed) is rewritten under the new schema, every live row carried by property identity; a new
/// or renamed table name starts at its version 0 (a stale head record left under that name by an earlier drop or rename
/// is cleared first);</item>
/// <item>one commit on main (kind <c>schema_apply</c>) through the same sidecar and publish as every write: a crash
/// leaves the old schema or the new one, never a mix.</item>
/// </list>
/// </summary>
/// <remarks>A silo singleton; its services come from the container.</remarks>
public sealed partial class SchemaApplyCoordinator(
    IGrainFactory grains,
    IGraphDirectory directory,
    SchemaCatalogCache schemas,
    GraphWriteCoordinator writes,
    FailpointRegistry failpoints,
    IOptions<OmniGraphOptions> options,
    ILogger<SchemaApplyCoordinator> logger)
{
    private readonly IGrainFactory _grains = grains;
    private readonly IGraphDirectory _directory = directory;
    private readonly SchemaCatalogCache _schemas = schemas;
    private readonly GraphWriteCoordinator _writes = writes;
    private readonly FailpointRegistry _failpoints = failpoints;
    private readonly OmniGraphOptions _options = options.Value;
    private readonly ILogger<SchemaApplyCoordinator> _logger = logger;

    /// <summary>The plan that takes main's schema of <paramref name="graphId"/> to the desired one. Reads only.</summary>
    public async Task<SchemaApplyOutput> PlanAsync(string graphId, SchemaApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var head = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(BranchNames.Main), cancellationToken);
        var plan = await PlanOnAsync(graphId, head, request, cancellationToken);
        return Output(plan, applied: false, head.ManifestVersion, head.Commit.Id, head.SchemaHash);
    }

    /// <summary>Applies the desired schema to main of <paramref name="graphId"/> as one commit.</summary>
    public async Task<SchemaApplyOutput> ApplyAsync(string graphId, SchemaApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Main is the only branch a schema apply writes; a protected main takes promotions only (docs/branches.md), and a
        // promotion cannot carry a schema change, so a protected graph's schema is changed by lifting the protection.
        GraphWriteAccess.RequireUnprotected(_options, graphId, BranchNames.Main, CommitKinds.SchemaApply);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var head = await manifest.BeginWriteAsync(BranchNames.Main, cancellationToken);
        if (request.ExpectedHeadCommit is { } expected && !string.Equals(expected, head.Commit.Id, StringComparison.Ordinal))
        {
            throw new GraphPreconditionFailedException(BranchNames.Main, expected, head.Commit.Id);
        }

        var plan = await PlanOnAsync(graphId, head, request, cancellationToken);
        if (!plan.Supported)
        {
            throw SchemaMigrationErrors.Unsupported(plan);
        }

        var desired = plan.Desired;
        if (string.Equals(desired.ContentHash, head.SchemaHash, StringComparison.Ordinal) && !plan.Steps.Any(static s => s.Kind == SchemaMigrationStepKind.ReleaseDropped))
        {
            return Output(plan, applied: false, head.ManifestVersion, head.Commit.Id, head.SchemaHash);
        }

        var branches = await manifest.ListBranchesAsync(cancellationToken);
        if (branches.Length > 1)
        {
            throw EngineErrors.SchemaApplyBranchesExist([.. branches.Select(static b => b.Name).Where(static b => b != BranchNames.Main)]);
        }

        var store = await _directory.GetStoreAsync(graphId, cancellationToken);
        await StoreSchemaAsync(store, desired, request.SchemaSource);
        var planned = await PlanTablesAsync(graphId, store, head, plan, cancellationToken);
        var commit = await CommitAsync(graphId, manifest, head, desired, planned, request.Actor, cancellationToken);
        LogApplied(graphId, head.SchemaHash, desired.ContentHash, plan.Steps.Length, planned.Writes.Length, commit.Id);
        return Output(plan, applied: true, commit.ManifestVersion, commit.Id, desired.ContentHash);
    }

    private async Task<SchemaMigrationPlan> PlanOnAsync(string graphId, GraphSnapshot head, SchemaApplyRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SchemaSource))
        {
            throw EngineErrors.InvalidWrite("schema", "schema apply needs the complete desired schema source");
        }

        var accepted = await _schemas.GetAsync(await _directory.GetStoreAsync(graphId, cancellationToken), head.SchemaHash, cancellationToken);
        return SchemaMigrationPlanner.Plan(accepted, request.SchemaSource, request.AllowDataLoss, DroppedMembersOf(head));
    }

    /// <summary>The schema's source and IR, created if absent and durable before anything names them (as init does).</summary>
    private async Task StoreSchemaAsync(IObjectStore store, SchemaCatalog desired, string source)
    {
        await _failpoints.BeforeAsync(Failpoints.SchemaApplySchemaWrite);
        await PutIfAbsentAsync(store, GraphObjectKeys.SchemaSource(desired.ContentHash), Encoding.UTF8.GetBytes(source));
        await PutIfAbsentAsync(store, GraphObjectKeys.SchemaIr(desired.ContentHash), desired.CanonicalIrUtf8);
        _failpoints.After(Failpoints.SchemaApplySchemaWrite);
        _schemas.Add(desired);
    }

    private static async Task PutIfAbsentAsync(IObjectStore store, string key, ReadOnlyMemory<byte> content)
    {
        try
        {
            await store.PutAsync(key, content, WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            // Content-addressed: stored by an earlier attempt of the same schema.
        }
    }

    private static SchemaApplyOutput Output(SchemaMigrationPlan plan, bool applied, long version, string commitId, string schemaHash) =>
        new(plan.Supported, applied, version, [.. plan.Steps.Select(ToOutput)]) { CommitId = commitId, SchemaHash = schemaHash };

    private static SchemaStepOutput ToOutput(SchemaMigrationStep step) =>
        new(step.KindName)
        {
            TypeKind = step.TypeKind,
            TypeName = step.TypeName,
            Property = step.PropertyName,
            From = step.From,
            Constraint = step.Constraint,
            AddedValues = step.Kind == SchemaMigrationStepKind.ExtendEnum ? step.AddedValues : null,
            Mode = step.Mode switch { SchemaDropMode.Hard => "hard", SchemaDropMode.Soft => "soft", _ => null },
            Entity = step.Entity,
            Reason = step.Reason,
            Code = step.Code,
            Text = step.Describe(),
        };

    [LoggerMessage((int)LogEventId.SchemaApplied, LogLevel.Information, "Graph {GraphId}: schema {From} -> {To} applied ({Steps} steps, {Rewritten} tables rewritten, commit {CommitId})")]
    private partial void LogApplied(string graphId, string from, string to, int steps, int rewritten, string commitId);
}
