namespace OmniGraph.Storage.Azure.Tests.Addressing;

/// <summary>The az://CONTAINER/PREFIX form: what it accepts, its canonical text, and typed refusals.</summary>
public sealed class AzureBlobLocationTests
{
    [Theory]
    [InlineData("az://graphs", "graphs", "", "az://graphs")]
    [InlineData("AZ://graphs/", "graphs", "", "az://graphs")]
    [InlineData("az://g-1/tenants/t1", "g-1", "tenants/t1", "az://g-1/tenants/t1")]
    [InlineData("az://abc/a b/node:Person@main/", "abc", "a b/node:Person@main", "az://abc/a b/node:Person@main")]
    public void Parse_ValidLocation_GivesContainerPrefixAndCanonicalText(string location, string container, string prefix, string canonical)
    {
        var parsed = AzureBlobLocation.Parse(location);

        Assert.Equal(container, parsed.ContainerName);
        Assert.Equal(prefix, parsed.Prefix);
        Assert.Equal(canonical, parsed.ToString());
    }

    [Theory]
    [InlineData("az://", "3 to 63 characters")]
    [InlineData("az://ab", "3 to 63 characters")]
    [InlineData("az://Graphs", "lower-case letters")]
    [InlineData("az://gra_phs", "lower-case letters")]
    [InlineData("az://-graphs", "starts and ends")]
    [InlineData("az://graphs-", "starts and ends")]
    [InlineData("az://gr--aphs", "no '--'")]
    [InlineData("az://graphs/a//b", "empty segment")]
    [InlineData("az://graphs/../x", "'..'")]
    [InlineData("az://graphs/x/.og-tmp", ".og-")]
    [InlineData("az://graphs/x?sv=2020", "no query or fragment")]
    [InlineData("az://graphs#frag", "no query or fragment")]
    [InlineData("file:///graphs", "starts with az://")]
    public void Parse_BadLocation_FailsTypedWithAReason(string location, string reason)
    {
        var error = Assert.Throws<InvalidObjectStoreUriException>(() => AzureBlobLocation.Parse(location));

        Assert.Equal(ErrorCodes.InvalidStoreUri, error.Code);
        Assert.Equal(location, error.Uri);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContainerOfSixtyFourCharacters_IsRefused()
    {
        Assert.Null(AzureBlobLocation.FindContainerNameViolation(new string('a', 63)));
        Assert.Throws<InvalidObjectStoreUriException>(() => AzureBlobLocation.Parse("az://" + new string('a', 64)));
    }
}
