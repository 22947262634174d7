using System.Text;
using System.Text.RegularExpressions;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Cli.Tests.Tampering;

/// <summary>
/// The tampering matrix (<see cref="TamperMatrix"/>) through the real CLI, in process: each kind of stored object, each
/// damage, and <c>snapshot</c>, <c>query</c>, <c>export</c>, <c>commit list</c>, <c>load</c> and <c>mutate</c> on the
/// damaged graph. Each prints exactly what it prints on the intact graph, or fails with the code the matrix names and
/// publishes nothing.
/// </summary>
public sealed partial class CliTamperingTests(CliTamperFixture fixture) : IClassFixture<CliTamperFixture>
{
    private static readonly TamperCommand[] s_reads = [TamperCommand.Snapshot, TamperCommand.Query, TamperCommand.Export, TamperCommand.CommitList];

    public static TheoryData<TamperTarget, TamperDamage> Cells()
    {
        var data = new TheoryData<TamperTarget, TamperDamage>();
        foreach (var (target, damage) in TamperMatrix.Cells)
        {
            data.Add(target, damage);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task DamagedObject_EveryCommandPrintsTheIntactAnswerOrFailsTyped(TamperTarget target, TamperDamage damage)
    {
        var problems = new StringBuilder();
        var graph = Damaged(target, damage);
        foreach (var command in s_reads)
        {
            var expected = TamperMatrix.Expected(target, damage, command);
            var result = await CliRun.RunAsync(fixture.ReadArguments(command, graph));
            if (result.ExitCode == 0)
            {
                if (expected is not (TamperOutcome.Correct or TamperOutcome.LastPublished) || result.Out != fixture.Intact[command])
                {
                    problems.AppendLine($"{command}: expected {expected}, printed\n{result.Out}");
                }
            }
            else if (CodeOf(result) != Code(expected))
            {
                problems.AppendLine($"{command}: expected {expected}, got\n{result}");
            }
        }

        await WriteAsync(problems, graph, target, damage, TamperCommand.Load);
        await WriteAsync(problems, Damaged(target, damage), target, damage, TamperCommand.Mutate);
        Assert.True(problems.Length == 0, $"{target} {damage}:\n{problems}");
    }

    private async Task WriteAsync(StringBuilder problems, string graph, TamperTarget target, TamperDamage damage, TamperCommand command)
    {
        var expected = TamperMatrix.Expected(target, damage, command);
        var before = StoreFiles.Keys(graph, "manifests/");
        var result = await CliRun.RunAsync(fixture.WriteArguments(command, graph));
        if (result.ExitCode == 0)
        {
            var export = (await CliRun.RunAsync("export", graph)).Out;
            if (expected != TamperOutcome.Correct || WithoutMintedIds(export) != WithoutMintedIds(fixture.ExportAfter[command]))
            {
                problems.AppendLine($"{command}: expected {expected}, succeeded and left\n{export}");
            }
        }
        else if (CodeOf(result) != Code(expected))
        {
            problems.AppendLine($"{command}: expected {expected}, got\n{result}");
        }
        else if (!StoreFiles.Keys(graph, "manifests/").SequenceEqual(before))
        {
            problems.AppendLine($"{command}: failed but published a manifest version");
        }
    }

    /// <summary>A load mints a ULID for each edge without an id: the same load on two copies mints different ones.</summary>
    private static string WithoutMintedIds(string export) => MintedId().Replace(export, "\"id\":\"*\"");

    private string Damaged(TamperTarget target, TamperDamage damage)
    {
        var graph = fixture.CopyFor(target);
        var source = fixture.Sources[target];
        TamperMatrix.Apply(graph, source.Key, damage, source.Older, source.Other);
        return graph;
    }

    private static string? CodeOf(CliResult result) => ErrorLine().Match(result.Error) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? Code(TamperOutcome outcome) => outcome switch
    {
        TamperOutcome.CorruptObject => "corrupt_object",
        TamperOutcome.RecoveryRequired => "recovery_required",
        _ => null,
    };

    [GeneratedRegex(@"^error\[(\w+)\]", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex("\"id\":\"[0-9A-Z]{26}\"")]
    private static partial Regex MintedId();
}
