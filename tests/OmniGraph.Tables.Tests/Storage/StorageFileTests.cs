using OmniGraph.Tables.Storage;
using OmniGraph.Tables.Tests.Support;

namespace OmniGraph.Tables.Tests.Storage;

/// <summary>
/// Strict reading of the engine's binary objects without a cluster: a fragment file must have its table's layout and
/// row count, a deletion file ascending rows inside its fragment; anything else is a typed error naming the key. (The
/// JSON documents, damaged in place in a running graph, are in OmniGraph.Grains.Tests' StoredDocumentTests.)
/// </summary>
public sealed class StorageFileTests
{
    [Fact]
    public void DeletionVectors_MustBeAscendingAndInsideTheFragment()
    {
        var good = DeletionVectorFiles.Write([[1u, 4u], [0u]]);
        Assert.Equal([1u, 4u], DeletionVectorFiles.Read("k", good, 0, 5, 2).Values.ToArray());
        Assert.Equal([0u], DeletionVectorFiles.Read("k", good, 1, 3, 1).Values.ToArray());
        Assert.Throws<CorruptObjectException>(() => DeletionVectorFiles.Read("k", good, 2, 5, 1));
        Assert.Throws<CorruptObjectException>(() => DeletionVectorFiles.Read("k", DeletionVectorFiles.Write([4u, 1u]), 0, 5, 2));
        Assert.Throws<CorruptObjectException>(() => DeletionVectorFiles.Read("k", DeletionVectorFiles.Write([1u, 5u]), 0, 5, 2));
        Assert.Throws<CorruptObjectException>(() => DeletionVectorFiles.Read("k", good, 0, 5, 3));
        Assert.Throws<CorruptObjectException>(() => DeletionVectorFiles.Read("k", FragmentFiles.Write(Rows.Persons("A")), 0, 5, 1));
    }

    [Fact]
    public void Fragments_MustHaveTheTableLayoutAndRowCount()
    {
        var file = FragmentFiles.Write(Rows.Persons("A", "B"));
        Assert.Equal(2, FragmentFiles.Read("k", file, Rows.Layout("node:Person").Schema, 2).Length);
        Assert.Throws<CorruptObjectException>(() => FragmentFiles.Read("k", file, Rows.Layout("node:Company").Schema, 2));
        Assert.Throws<CorruptObjectException>(() => FragmentFiles.Read("k", file, Rows.Layout("node:Person").Schema, 3));
        Assert.Throws<CorruptObjectException>(() => FragmentFiles.Read("k", file[..^3], Rows.Layout("node:Person").Schema, 2));
    }
}
