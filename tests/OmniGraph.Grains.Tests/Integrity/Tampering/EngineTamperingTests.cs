using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tampering;

namespace OmniGraph.Grains.Tests.Integrity.Tampering;

/// <summary>
/// The tampering matrix (<see cref="TamperMatrix"/>) at the engine level: each kind of stored object, each damage, each
/// command on a fresh silo over the damaged graph. Every command answers exactly what the intact graph answers, or
/// fails with the typed error the matrix names; a write that fails publishes nothing.
/// </summary>
public sealed class EngineTamperingTests(EngineTamperFixture fixture) : IClassFixture<EngineTamperFixture>
{
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
    public async Task DamagedObject_EveryCommandAnswersCorrectlyOrFailsTyped(TamperTarget target, TamperDamage damage)
    {
        var reads = await RunAsync(target, damage, host => ReadAllAsync(host, target, damage));
        var load = await RunAsync(target, damage, host => WriteAsync(host, target, damage, TamperCommand.Load, EngineAnswers.LoadAsync, fixture.AfterLoad));
        var mutate = await RunAsync(target, damage, host => WriteAsync(host, target, damage, TamperCommand.Mutate, EngineAnswers.MutateAsync, fixture.AfterMutate));
        Assert.True(reads.Length + load.Length + mutate.Length == 0, $"{target} {damage}:\n{reads}{load}{mutate}");
    }

    /// <summary>Damages a fresh copy, runs <paramref name="body"/> on a fresh silo over it; returns the mismatches found.</summary>
    private async Task<string> RunAsync(TamperTarget target, TamperDamage damage, Func<GraphHost, Task<string>> body)
    {
        var copy = fixture.CopyFor(target);
        var source = fixture.Sources[target];
        TamperMatrix.Apply(copy, source.Key, damage, source.Older, source.Other);
        await using var host = await GraphHost.StartAsync(new LocalDirectoryObjectStore(copy));
        return await body(host);
    }

    private async Task<string> ReadAllAsync(GraphHost host, TamperTarget target, TamperDamage damage)
    {
        var problems = new System.Text.StringBuilder();
        foreach (var command in new[] { TamperCommand.Snapshot, TamperCommand.Query, TamperCommand.Export, TamperCommand.CommitList })
        {
            var expected = TamperMatrix.Expected(target, damage, command);
            var (answer, code) = await ObserveAsync(() => EngineAnswers.AnswerAsync(host, command));
            if (answer is not null)
            {
                // The intact graph's answer is also the last published one while the suite's pending write waits.
                if (expected is not (TamperOutcome.Correct or TamperOutcome.LastPublished) || answer != fixture.Intact.Of(command))
                {
                    problems.AppendLine($"  {command}: expected {expected}, answered:\n{answer}\n  intact:\n{fixture.Intact.Of(command)}");
                }
            }
            else if (code != Code(expected))
            {
                problems.AppendLine($"  {command}: expected {expected}, failed with {code}");
            }
        }

        return problems.ToString();
    }

    private static async Task<string> WriteAsync(GraphHost host, TamperTarget target, TamperDamage damage, TamperCommand command, Func<GraphHost, Task> write, EngineAnswers after)
    {
        var expected = TamperMatrix.Expected(target, damage, command);
        var root = new Uri(host.Store.Location).LocalPath;
        var before = StoreFiles.Keys(root, "manifests/");
        var (_, code) = await ObserveAsync(async () =>
        {
            await write(host);
            return string.Empty;
        });
        if (code is null)
        {
            if (expected != TamperOutcome.Correct)
            {
                return $"  {command}: expected {expected}, succeeded\n";
            }

            var now = await EngineAnswers.ReadAsync(host);
            return now.Export == after.Export && now.Snapshot == after.Snapshot ? string.Empty : $"  {command}: succeeded but left\n{now.Export}\n  instead of\n{after.Export}\n";
        }

        if (code != Code(expected))
        {
            return $"  {command}: expected {expected}, failed with {code}\n";
        }

        // None may write on top: a refused write leaves the chain as it was.
        var afterKeys = StoreFiles.Keys(root, "manifests/");
        return afterKeys.SequenceEqual(before) ? string.Empty : $"  {command}: failed with {code} but published {string.Join(", ", afterKeys.Except(before))}\n";
    }

    private static async Task<(string? Answer, string? Code)> ObserveAsync(Func<Task<string>> command)
    {
        try
        {
            return (await command(), null);
        }
        catch (Exception exception) when (OmniGraphErrors.Unwrap(exception) is OmniGraphException known)
        {
            // What a client sees: the typed error (Orleans wraps a state that cannot be read, as the CLI unwraps it).
            return (null, known.Code);
        }
    }

    private static string? Code(TamperOutcome outcome) => outcome switch
    {
        TamperOutcome.CorruptObject => "corrupt_object",
        TamperOutcome.RecoveryRequired => "recovery_required",
        _ => null,
    };
}
