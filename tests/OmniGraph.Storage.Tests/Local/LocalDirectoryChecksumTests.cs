using System.Text;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>
/// Every local object carries a CRC-32C of its key and content in its header: damage made outside the store (a changed
/// byte, a file cut short, another object's file copied over it) is reported as <c>corrupt_object</c>, never returned.
/// </summary>
public sealed class LocalDirectoryChecksumTests : IDisposable
{
    private const int HeaderSize = 64;

    private readonly TempDirectory _directory = new();

    private string Root => _directory.Combine("store");

    private string FileOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar) + ".og-obj");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Header_CarriesTheChecksumOfKeyAndContent()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("a/b", Bytes.Utf8("hello"), WriteCondition.None);

        var header = Encoding.ASCII.GetString(File.ReadAllBytes(FileOf("a/b")), 0, HeaderSize);

        Assert.Matches("^og-object/1 etag=[0-9A-Z]{26} crc32c=[0-9a-f]{8} *\n$", header);
        var expected = Crc32C.Compute(Encoding.UTF8.GetBytes("a/b\nhello"));
        Assert.Contains($"crc32c={expected:x8}", header, StringComparison.Ordinal);
    }

    public static TheoryData<string> Damages() => ["flip a content byte", "cut the content short", "append a byte", "flip a checksum digit", "zero the header"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task DamagedFile_IsCorrupt_ForWholeReads(string damage)
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("k/object", Bytes.Utf8("{\"rows\":26,\"actor\":\"alice\"}"), WriteCondition.None);
        var path = FileOf("k/object");
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip a content byte":
                bytes[HeaderSize + 9] ^= 0x01;
                break;
            case "cut the content short":
                bytes = bytes[..^3];
                break;
            case "append a byte":
                bytes = [.. bytes, (byte)' '];
                break;
            case "flip a checksum digit":
                var digit = Encoding.ASCII.GetString(bytes, 0, HeaderSize).IndexOf("crc32c=", StringComparison.Ordinal) + 7;
                bytes[digit] = bytes[digit] == (byte)'0' ? (byte)'1' : (byte)'0';
                break;
            default:
                Array.Clear(bytes, 0, HeaderSize);
                break;
        }

        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetAsync("k/object").AsTask());
        Assert.Equal("corrupt_object", error.Code);
        Assert.Equal("k/object", error.Key);
    }

    [Fact]
    public async Task FileCopiedUnderAnotherKey_IsCorrupt_EvenWithTheSameContent()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("tables/a/fragment", Bytes.Utf8("same bytes"), WriteCondition.None);
        await store.PutAsync("tables/b/fragment", Bytes.Utf8("same bytes"), WriteCondition.None);
        File.Copy(FileOf("tables/a/fragment"), FileOf("tables/b/fragment"), overwrite: true);

        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetAsync("tables/b/fragment").AsTask());
        Assert.Contains("copied from another object", error.Reason, StringComparison.Ordinal);
        Assert.Equal("same bytes", Bytes.Text((await store.GetAsync("tables/a/fragment")).Content));
    }

    [Fact]
    public async Task WholeStoreCopiedElsewhere_StillReads()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("x/y", Bytes.Utf8("kept"), WriteCondition.None);
        var copy = _directory.Combine("copy");
        Directory.CreateDirectory(Path.Combine(copy, "x"));
        File.Copy(FileOf("x/y"), Path.Combine(copy, "x", "y.og-obj"));

        Assert.Equal("kept", Bytes.Text((await new LocalDirectoryObjectStore(copy).GetAsync("x/y")).Content));
    }

    /// <summary>A file written before checksums existed (tag only, spaces after it) is still read.</summary>
    [Fact]
    public async Task FileWithoutAChecksum_IsReadAsBefore()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("old", Bytes.Utf8("x"), WriteCondition.None);
        var header = Encoding.ASCII.GetBytes("og-object/1 etag=01ARZ3NDEKTSV4RRFFQ69G5FAV".PadRight(HeaderSize - 1) + "\n");
        File.WriteAllBytes(FileOf("old"), [.. header, .. Encoding.UTF8.GetBytes("legacy")]);

        var read = await store.GetAsync("old");

        Assert.Equal("legacy", Bytes.Text(read.Content));
        Assert.Equal("01ARZ3NDEKTSV4RRFFQ69G5FAV", read.ETag);
    }

    [Fact]
    public async Task TemporaryFiles_AreListedWithTheirPathsAndAges()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await store.PutAsync("m/1", Bytes.Utf8("x"), WriteCondition.None);
        var writeId = Ulid.NewUlid().ToString();
        File.WriteAllText(Path.Combine(Root, "m", ".og-tmp-" + writeId), "half");

        var entry = Assert.Single(store.ListTemporaryFiles());

        Assert.Equal("m/.og-tmp-" + writeId, entry.Path);
        Assert.Equal(4, entry.Length);
        Assert.Equal(Ulid.Parse(writeId).TimestampMilliseconds, entry.Created.ToUnixTimeMilliseconds());
        Assert.DoesNotContain((await store.ListAsync("")).Objects, o => o.Key.Contains("og-tmp", StringComparison.Ordinal));
    }
}
