namespace OmniGraph.Core.Tests;

public sealed class OmniGraphExceptionTests
{
    [Fact]
    public void Code_IsRequired()
    {
        Assert.Throws<ArgumentException>(() => new OmniGraphException("", "message"));
    }

    [Fact]
    public void Code_AndMessageAreKept()
    {
        var exception = new OmniGraphException("bad_request", "it went wrong");

        Assert.Equal("bad_request", exception.Code);
        Assert.Equal("it went wrong", exception.Message);
    }
}
