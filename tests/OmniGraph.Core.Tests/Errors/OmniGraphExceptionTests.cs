namespace OmniGraph.Core.Tests.Errors;

public sealed class OmniGraphExceptionTests
{
    [Fact]
    public void Code_IsRequired_AndMustBeInTheCatalogue()
    {
        Assert.Throws<ArgumentException>(() => new OmniGraphException("", "message"));
        var error = Assert.Throws<ArgumentException>(() => new OmniGraphException("bad_request", "message"));
        Assert.Contains("bad_request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_Kind_Message_AndDetails_AreKept()
    {
        var inner = new IOException("disk");
        var exception = new OmniGraphException(
            ErrorCodes.ResourceLimit,
            "it went wrong",
            ErrorDetails.Of(ErrorDetail.Resource.With("rows"), ErrorDetail.Limit.With(10), ErrorDetail.Count.With(11)),
            inner);

        Assert.Equal("resource_limit", exception.Code);
        Assert.Equal(ErrorKind.TooLarge, exception.Kind);
        Assert.Equal("it went wrong", exception.Message);
        Assert.Equal("rows", exception.Get(ErrorDetail.Resource));
        Assert.Equal(10, exception.Get(ErrorDetail.Limit));
        Assert.Equal(11, exception.Get(ErrorDetail.Count));
        Assert.Same(inner, exception.InnerException);
    }

    [Fact]
    public void Rebuild_MakesTheSameTypeFromItsParts()
    {
        var original = new CorruptObjectException("tables/x.arrow", "checksum mismatch");

        var rebuilt = OmniGraphException.Rebuild(original.GetType(), original.Code, original.Message, original.Details, null, "   at Somewhere()");

        var corrupt = Assert.IsType<CorruptObjectException>(rebuilt);
        Assert.Equal(("tables/x.arrow", "checksum mismatch", original.Message), (corrupt.Key, corrupt.Reason, corrupt.Message));
        Assert.Equal(ErrorKind.Integrity, corrupt.Kind);
        Assert.Contains("Somewhere", corrupt.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_RefusesATypeThatIsNoOmniGraphError()
    {
        Assert.Throws<ArgumentException>(() => OmniGraphException.Rebuild(typeof(InvalidOperationException), ErrorCodes.Internal, "m", ErrorDetails.None, null));
    }
}
