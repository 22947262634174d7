namespace OmniGraph.Core.Tests.Errors;

public sealed class ErrorDetailsTests
{
    [Fact]
    public void Details_AreSortedByName_AndTheLastValueOfANameWins()
    {
        var details = ErrorDetails.Of(ErrorDetail.Table.With("node:B"), ErrorDetail.Branch.With("main"), ErrorDetail.Table.With("node:A"));

        Assert.Equal(["branch", "table"], details.Select(static d => d.Key));
        Assert.Equal("node:A", details.Get(ErrorDetail.Table));
    }

    [Fact]
    public void WholeNumbers_AreLongs_AndAbsentDetailsReadAsDefault()
    {
        var details = ErrorDetails.Of(new KeyValuePair<string, object?>("line", 7), new KeyValuePair<string, object?>("limit", 9u), ErrorDetail.Max.With(null));

        Assert.Equal(7L, details.Get(ErrorDetail.Line));
        Assert.Equal(9L, details.Get(ErrorDetail.Limit));
        Assert.Null(details.Get(ErrorDetail.Max));
        Assert.True(details.Contains(ErrorDetail.Max));
        Assert.False(details.Contains(ErrorDetail.Table));
        Assert.Null(details.Get(ErrorDetail.Table));
        Assert.Equal(0L, details.Get(ErrorDetail.Column));
    }

    [Fact]
    public void OnlyText_Numbers_AndBooleans_AreDetails()
    {
        Assert.Throws<ArgumentException>(() => ErrorDetails.Of(new KeyValuePair<string, object?>("when", DateTime.UnixEpoch)));
    }

    [Fact]
    public void With_ReplacesOneDetail()
    {
        var details = ErrorDetails.Of(ErrorDetail.Key.With("a"), ErrorDetail.Reason.With("r")).With("key", "b");

        Assert.Equal(("b", "r"), (details.Get(ErrorDetail.Key), details.Get(ErrorDetail.Reason)));
    }
}
