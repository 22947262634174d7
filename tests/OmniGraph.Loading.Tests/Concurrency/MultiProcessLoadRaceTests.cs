using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Testing.Concurrency;
using OmniGraph.Testing.Fixtures;
using OmniGraph.TestWorker.Verbs;
using static OmniGraph.Testing.Concurrency.ProcessRace;

namespace OmniGraph.Loading.Tests.Concurrency;

/// <summary>
/// Two operating-system processes, each with its own embedded silo (as two <c>omnigraph load</c> commands are), load
/// into one graph directory. Both are held inside the same window of the commit protocol (prepared on the same head;
/// then, for the later steps, with their sidecars written or their heads moved) and released one after the other, so
/// every outcome is exact: the first publishes; the second is re-prepared on the new head (append, merge), refused with
/// <c>key_conflict</c> (an append whose keys the first one loaded), or refused with <c>read_set_conflict</c> (an
/// overwrite, which never re-prepares). The graph then holds exactly the published loads replayed in order.
/// </summary>
public sealed class MultiProcessLoadRaceTests
{
    private static readonly Dictionary<string, string> s_files = new(StringComparer.Ordinal)
    {
        ["eve"] = """
            {"type":"Person","data":{"name":"Eve","age":22}}
            {"edge":"Knows","from":"Eve","to":"Alice","data":{"id":"k-eve"}}
            """,
        ["frank"] = """
            {"type":"Person","data":{"name":"Frank","age":41}}
            {"edge":"Knows","from":"Frank","to":"Bob","data":{"id":"k-frank"}}
            """,
        ["zed1"] = """{"type":"Person","data":{"name":"Zed","age":1}}""",
        ["zed2"] = """{"type":"Person","data":{"name":"Zed","age":2}}""",
        ["initech"] = """{"type":"Company","data":{"name":"Initech"}}""",
        ["companies"] = """
            {"type":"Company","data":{"name":"Acme"}}
            {"type":"Company","data":{"name":"Globex"}}
            {"type":"Company","data":{"name":"Hooli"}}
            """,
    };

    /// <summary>What happens to the load released second.</summary>
    public enum Second
    {
        /// <summary>Re-prepared on the first load's commit and published (attempt 2).</summary>
        Reprepared,

        /// <summary>Refused with <c>read_set_conflict</c> on the branch head.</summary>
        Conflict,

        /// <summary>Re-prepared, then refused with <c>key_conflict</c>: the first load holds its keys now.</summary>
        KeyConflict,
    }

    public static TheoryData<string, string, GraphLoadMode, string, GraphLoadMode, Second> Cases() => new()
    {
        // Both prepared, nothing written: distinct and overlapping keys in each mode.
        { nameof(Failpoints.CommitSidecarWrite), "eve", GraphLoadMode.Append, "frank", GraphLoadMode.Append, Second.Reprepared },
        { nameof(Failpoints.CommitSidecarWrite), "zed1", GraphLoadMode.Append, "zed2", GraphLoadMode.Append, Second.KeyConflict },
        { nameof(Failpoints.CommitSidecarWrite), "zed1", GraphLoadMode.Merge, "zed2", GraphLoadMode.Merge, Second.Reprepared },
        { nameof(Failpoints.CommitSidecarWrite), "companies", GraphLoadMode.Overwrite, "eve", GraphLoadMode.Append, Second.Reprepared },
        { nameof(Failpoints.CommitSidecarWrite), "eve", GraphLoadMode.Append, "companies", GraphLoadMode.Overwrite, Second.Conflict },

        // Both with sidecars written (complete), both about to publish the same manifest version: the second loses it,
        // on the same tables or on disjoint ones. (Heads move only after the publish.)
        { nameof(Failpoints.CommitManifestPublish), "eve", GraphLoadMode.Merge, "frank", GraphLoadMode.Merge, Second.Reprepared },
        { nameof(Failpoints.CommitManifestPublish), "companies", GraphLoadMode.Overwrite, "initech", GraphLoadMode.Append, Second.Reprepared },
        { nameof(Failpoints.CommitManifestPublish), "initech", GraphLoadMode.Append, "companies", GraphLoadMode.Overwrite, Second.Conflict },
        { nameof(Failpoints.CommitManifestPublish), "companies", GraphLoadMode.Overwrite, "frank", GraphLoadMode.Append, Second.Reprepared },
        { nameof(Failpoints.CommitManifestPublish), "frank", GraphLoadMode.Append, "companies", GraphLoadMode.Overwrite, Second.Conflict },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BothHeldAtAStep_FirstReleasedPublishes_SecondIsExactlyDecided(string step, string fileA, GraphLoadMode modeA, string fileB, GraphLoadMode modeB, Second expected)
    {
        using var race = await RacedGraph<LoadingHost>.CreateAsync(static store => LoadingHost.StartAsync(store), AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
        var jobA = GraphWriteJob.Load(race.WriteFile(fileA + "-a.jsonl", s_files[fileA]), modeA);
        var jobB = GraphWriteJob.Load(race.WriteFile(fileB + "-b.jsonl", s_files[fileB]), modeB);
        var (first, second) = await race.RunOneAfterTheOtherAsync(jobA, jobB, Step(step));

        switch (expected)
        {
            case Second.Reprepared:
                AssertPublished(second, first.Commit!.GraphCommitId, attempts: 2);
                await race.AssertHistoryAndContentsAsync(fenced: false, (first, jobA), (second, jobB));
                break;
            case Second.Conflict:
                AssertConflict(second, race.BaseCommit, first.Commit!.GraphCommitId);
                await race.AssertHistoryAndContentsAsync(fenced: false, (first, jobA));
                break;
            default:
                Assert.False(second.Committed, second.ToString());
                Assert.Equal(ErrorCodes.KeyConflict, second.ErrorCode);
                Assert.Equal("node type 'Person' already has id 'Zed'", second.ErrorMessage);
                await race.AssertHistoryAndContentsAsync(fenced: false, (first, jobA));
                break;
        }
    }
}
