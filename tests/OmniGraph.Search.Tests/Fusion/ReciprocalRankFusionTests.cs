namespace OmniGraph.Search.Tests.Fusion;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void WorkedExample_FromTheSpec()
    {
        // AC-50: arm 1 = ml, nlp, rl; arm 2 = dl, rl, cv. rl = 1/63 + 1/62; ml = dl = 1/61 and ml wins the tie (first arm).
        var fused = ReciprocalRankFusion.FuseEntities<string>(["ml", "nlp", "rl"], RrfArm.Nearest, ["dl", "rl", "cv"], RrfArm.Nearest, limit: 3);

        Assert.Equal(["rl", "ml", "dl"], fused.Select(static e => e.Entity));
        Assert.Equal((1.0 / 63) + (1.0 / 62), fused[0].Score);
        Assert.Equal(1.0 / 61, fused[1].Score);
        Assert.Equal((2, 1), (fused[0].FirstArmRank!.Value, fused[0].SecondArmRank!.Value));
        Assert.Null(fused[2].FirstArmRank);
    }

    [Fact]
    public void Fixture_TwoVectorArms_GiveTheSpecOrder()
    {
        // AC-50 on FX-SEARCH: rrf(nearest(q1), nearest(q2)) limit 3 → rl-intro, ml-intro, dl-basics.
        var table = SearchFixture.Embeddings();
        var first = table.ExactNearest([0.1f, 0.2f, 0.3f, 0.4f], 3).Select(static r => SearchFixture.Docs[r.Row.Row].Slug).ToArray();
        var second = table.ExactNearest([0.5f, 0.6f, 0.7f, 0.8f], 3).Select(static r => SearchFixture.Docs[r.Row.Row].Slug).ToArray();

        var fused = ReciprocalRankFusion.Fuse(first, RrfArm.Nearest, second, RrfArm.Nearest, static s => s, limit: 3);

        Assert.Equal(["rl-intro", "ml-intro", "dl-basics"], fused);
    }

    [Fact]
    public void EqualScores_KeepFirstArmOrder_ThenSecondArmOnlyEntities()
    {
        var fused = ReciprocalRankFusion.FuseEntities<string>(["a", "b"], RrfArm.Nearest, ["c", "d"], RrfArm.Nearest, limit: 4);

        Assert.Equal(["a", "c", "b", "d"], fused.Select(static e => e.Entity));
    }

    [Fact]
    public void K_ChangesTheOutcome_AndAnExactTieKeepsArmOrder()
    {
        string[] first = ["a", "x", "b"];
        string[] second = ["y", "z", "b"];

        // k = 60: b = 2/63 beats a = y = 1/61. k = 1: a = b = y = 1/2 exactly, and the tie order is arm 1's (a, x, b), then
        // arm 2's own (y, z). Bm25 arms, so that rank 2 still counts under limit 2.
        Assert.Equal("b", ReciprocalRankFusion.FuseEntities<string>(first, RrfArm.Nearest, second, RrfArm.Nearest, limit: 5)[0].Entity);
        Assert.Equal(["a", "b", "y", "x", "z"], ReciprocalRankFusion.FuseEntities<string>(first, RrfArm.Bm25, second, RrfArm.Bm25, limit: 5, k: 1).Select(static e => e.Entity));
        Assert.Equal(["a", "b"], ReciprocalRankFusion.FuseEntities<string>(first, RrfArm.Bm25, second, RrfArm.Bm25, limit: 2, k: 1).Select(static e => e.Entity));
    }

    [Fact]
    public void NearestArm_KeepsItsTopLimitEntities_Bm25Arm_KeepsEveryMatch()
    {
        string[] nearest = ["a", "b", "c"];
        string[] text = ["x", "y", "z", "b"];

        // As a bm25 arm, b's rank 3 in arm 2 counts: b = 1/62 + 1/64 beats a = 1/61.
        Assert.Equal("b", ReciprocalRankFusion.FuseEntities<string>(nearest, RrfArm.Nearest, text, RrfArm.Bm25, limit: 2)[0].Entity);

        // As a nearest arm with limit 2, only x and y take part, so b has 1/62 alone and a leads.
        var cut = ReciprocalRankFusion.FuseEntities<string>(nearest, RrfArm.Nearest, text, RrfArm.Nearest, limit: 2);
        Assert.Equal(["a", "x"], cut.Select(static e => e.Entity));

        // The first arm is cut the same way: c (rank 2 of a limit-2 nearest arm) never appears.
        Assert.DoesNotContain(ReciprocalRankFusion.FuseEntities<string>(nearest, RrfArm.Nearest, ["c"], RrfArm.Nearest, limit: 2), static e => e.Entity == "a" && e.SecondArmRank is not null);
        Assert.Equal(["a", "c"], ReciprocalRankFusion.FuseEntities<string>(nearest, RrfArm.Nearest, ["c"], RrfArm.Nearest, limit: 2).Select(static e => e.Entity));
    }

    [Fact]
    public void EdgeFanOut_EmitsEveryRowOfAWinner()
    {
        // AC-50 ranked edges: each arm's rows are (doc, edge label) with rank-1 fanned out to two edges.
        (string Doc, string Label)[] rows = [("rank-1", "A1"), ("rank-1", "A2"), ("rank-2", "B"), ("rank-3", "C")];

        var fused = ReciprocalRankFusion.Fuse(rows, RrfArm.Nearest, rows, RrfArm.Nearest, static r => r.Doc, limit: 4);

        Assert.Equal(rows, fused);
    }

    [Fact]
    public void ARank_IsThePositionOfTheEntitysFirstRow_SoAFannedOutEntityPushesLaterOnesDown()
    {
        // Arm 1's rows: x fanned out to three rows, then y (its first row at position 3). Arm 2: y, then x. With k = 1,
        // x = 1/2 + 1/3 and y = 1/5 + 1/2; counting distinct entities instead, y would rank 1 in arm 1 and tie x.
        string[] first = ["x", "x", "x", "y"];
        string[] second = ["y", "x"];

        var fused = ReciprocalRankFusion.FuseEntities<string>(first, RrfArm.Bm25, second, RrfArm.Bm25, limit: 2, k: 1);

        Assert.Equal(["x", "y"], fused.Select(static e => e.Entity));
        Assert.Equal((0, 1), (fused[0].FirstArmRank!.Value, fused[0].SecondArmRank!.Value));
        Assert.Equal((3, 0), (fused[1].FirstArmRank!.Value, fused[1].SecondArmRank!.Value));
        Assert.Equal((1.0 / 5) + (1.0 / 2), fused[1].Score);
    }

    [Fact]
    public void ANearestArm_KeepsItsFirstLimitEntities_WhateverTheirRows()
    {
        // limit 2: the nearest arm keeps its first two entities, a and b (four rows would be a, a, b, c), so c counts only
        // from the bm25 arm: c = 1/61 ties a = 1/61 (a first: arm 1) and beats b = 1/63. Had c kept its arm-1 rank 3, it
        // would lead with 1/64 + 1/61.
        var fused = ReciprocalRankFusion.FuseEntities<string>(["a", "a", "b", "c"], RrfArm.Nearest, ["c"], RrfArm.Bm25, limit: 2);

        Assert.Equal(["a", "c"], fused.Select(static e => e.Entity));
        Assert.Equal(1.0 / 61, fused[1].Score);
        Assert.Null(fused[1].FirstArmRank);
    }

    [Fact]
    public void Rows_AreTruncatedToTheLimit_AfterEntityEmission()
    {
        (string Doc, string Label)[] rows = [("d1", "A1"), ("d1", "A2"), ("d1", "A3"), ("d2", "B")];

        var fused = ReciprocalRankFusion.Fuse(rows, RrfArm.Nearest, rows, RrfArm.Nearest, static r => r.Doc, limit: 2);

        Assert.Equal([("d1", "A1"), ("d1", "A2")], fused);
    }

    [Fact]
    public void AnEntityOnlyInTheSecondArm_EmitsItsSecondArmRows()
    {
        (string Doc, string Label)[] first = [("a", "1")];
        (string Doc, string Label)[] second = [("b", "2"), ("b", "3"), ("a", "4")];

        var fused = ReciprocalRankFusion.Fuse(first, RrfArm.Nearest, second, RrfArm.Bm25, static r => r.Doc, limit: 5);

        // a = 1/61 + 1/62, b = 1/61: a first, with its first-arm row only; then b's two rows.
        Assert.Equal([("a", "1"), ("b", "2"), ("b", "3")], fused);
    }

    [Fact]
    public void EmptyArms_FuseToNothing_AndCustomEquality_IsUsed()
    {
        Assert.Empty(ReciprocalRankFusion.FuseEntities<string>([], RrfArm.Bm25, [], RrfArm.Nearest, limit: 3));

        var fused = ReciprocalRankFusion.FuseEntities<string>(["A"], RrfArm.Nearest, ["a"], RrfArm.Nearest, limit: 3, comparer: StringComparer.OrdinalIgnoreCase);
        Assert.Equal((1.0 / 61) + (1.0 / 61), Assert.Single(fused).Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void BadK_AndBadLimit_AreRefused(int bad)
    {
        Errors.Expect(SearchErrorCodes.FusionKInvalid, () => ReciprocalRankFusion.FuseEntities<string>(["a"], RrfArm.Nearest, ["b"], RrfArm.Bm25, limit: 3, k: bad));
        Errors.Expect(SearchErrorCodes.LimitInvalid, () => ReciprocalRankFusion.Fuse<string, string>(["a"], RrfArm.Nearest, ["b"], RrfArm.Bm25, static s => s, limit: bad));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReciprocalRankFusion.FuseEntities<string>(["a"], (RrfArm)9, ["b"], RrfArm.Bm25, limit: 3));
    }
}
