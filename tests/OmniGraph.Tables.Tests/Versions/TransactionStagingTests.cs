using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Versions;

/// <summary>
/// What a table grain keeps of a staged fragment: ids that ascend are not hashed when digested (a load's minted ids drop
/// their hashes anyway); a fragment that must keep hashes (its range overlaps, or an earlier fragment broke the rule)
/// gets them from its rows when it is kept.
/// </summary>
public sealed class TransactionStagingTests
{
    [Fact]
    public void AscendingIds_AreDigestedWithoutHashes_OthersWithThem()
    {
        var ascending = StagedFragmentDigest.Compute(Fragment("f1", "a", "b", "c"), keepRows: false);
        Assert.True(ascending.IdsAscend);
        Assert.Null(ascending.IdHashes);

        var unordered = Fragment("f2", "c", "a");
        var digest = StagedFragmentDigest.Compute(unordered, keepRows: false);
        Assert.False(digest.IdsAscend);
        Assert.Equal(StagedFragmentDigest.HashIds(unordered), digest.IdHashes);
    }

    [Fact]
    public void Keep_HashesFromTheRowsOnlyTheFragmentsThatNeedHashes()
    {
        var staging = new TransactionStaging();
        var first = Fragment("f1", "a", "b");
        var second = Fragment("f2", "x", "y");
        var overlapping = Fragment("f3", "b", "c");
        var after = Fragment("f4", "m", "n");

        foreach (var fragment in new[] { first, second, overlapping, after })
        {
            staging.Keep(StagedFragmentDigest.Compute(fragment, keepRows: false), fragment);
        }

        Assert.Null(staging.Fragments["f1"].IdHashes);
        Assert.Null(staging.Fragments["f2"].IdHashes);
        Assert.Equal(StagedFragmentDigest.HashIds(overlapping), staging.Fragments["f3"].IdHashes);
        Assert.Equal(StagedFragmentDigest.HashIds(after), staging.Fragments["f4"].IdHashes);
        Assert.False(staging.Fragments["f4"].Fragment.IsResident);
    }

    private static FragmentData Fragment(string key, params string[] ids) => new(Ulid.NewUlid().ToString(), key, Rows.Persons(ids), false);
}
