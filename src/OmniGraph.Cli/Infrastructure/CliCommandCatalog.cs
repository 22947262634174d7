using OmniGraph.Cli.Bench;
using OmniGraph.Cli.Commands;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// Every <c>omnigraph</c> command: adding one is a new file under <c>Commands/</c> plus one line here. Commands with two
/// words (<c>commit list</c>) are placed under a group command; a new group also gets its description in
/// <see cref="GroupDescriptions"/>.
/// </summary>
internal static class CliCommandCatalog
{
    /// <summary>The commands, in help order.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new InitCommand(),
        new LoadCommand(),
        new SnapshotCommand(),
        new ExportCommand(),
        new EmbedCommand(),
        new QueryCommand(),
        new MutateCommand(),
        new LintCommand(),
        new BranchCreateCommand(),
        new BranchListCommand(),
        new BranchDeleteCommand(),
        new BranchMergeCommand(),
        new PromoteCommand(),
        new CommitListCommand(),
        new CommitShowCommand(),
        new CommitChangesCommand(),
        new DiffCommand(),
        new ChangesPollCommand(),
        new ChangesBaselineCommand(),
        new SchemaShowCommand(),
        new SchemaPlanCommand(),
        new SchemaApplyCommand(),
        new OptimizeCommand(),
        new CleanupCommand(),
        new RepairCommand(),
        new RecoveryStatusCommand(),
        new RecoveryRepairCommand(),
        new ServeCommand(),
        new PolicyValidateCommand(),
        new PolicyTestCommand(),
        new PolicyExplainCommand(),
        new AuditVerifyCommand(),
        new AuditListCommand(),
        new QueriesAddCommand(),
        new QueriesListCommand(),
        new QueriesRemoveCommand(),
        new BenchCommand(),
        new VersionCommand(),
    ];

    /// <summary>Descriptions of the group commands.</summary>
    public static IReadOnlyDictionary<string, string> GroupDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["branch"] = "Create, list, delete and merge branches",
        ["commit"] = "Inspect the commit history",
        ["schema"] = "Inspect the schema",
        ["recovery"] = "Examine and repair a graph's integrity",
        ["policy"] = "Check, test and explain a policy bundle",
        ["audit"] = "Verify and list a graph's audit log",
    };
}
