using OmniGraph.Arrow.Tests.TestSupport;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Arrow.Tests.Columns;

public sealed class RecordBatchTests
{
    private static readonly ArrowSchema s_schema = new([new ArrowField("id", ArrowType.Int64, false), new ArrowField("name", ArrowType.Utf8, true)]);

    [Fact]
    public void Constructor_AcceptsMatchingColumns()
    {
        var batch = new RecordBatch(s_schema, [Col.Int64(1, 2), Col.Utf8("a", null)]);

        Assert.Equal(2, batch.Length);
        Assert.Same(batch.Column(1), batch.Column("name"));
        Assert.Throws<KeyNotFoundException>(() => batch.Column("missing"));
    }

    [Fact]
    public void Constructor_RejectsWrongColumnCount()
    {
        var error = ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => new RecordBatch(s_schema, [Col.Int64(1)]));
        Assert.Equal(ErrorCodes.ArrowSchemaMismatch, error.Code);
    }

    [Fact]
    public void Constructor_RejectsWrongType()
    {
        ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => new RecordBatch(s_schema, [Col.Int32(1), Col.Utf8("a")]));
    }

    [Fact]
    public void Constructor_RejectsUnequalLengths()
    {
        ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => new RecordBatch(s_schema, [Col.Int64(1, 2), Col.Utf8("a")]));
        ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => new RecordBatch(s_schema, [Col.Int64(1), Col.Utf8("a")], length: 2));
    }

    [Fact]
    public void Constructor_RejectsNullsInANonNullableField()
    {
        ErrorAssert.Throws(ErrorCodes.ArrowSchemaMismatch, () => new RecordBatch(s_schema, [Col.Int64(1, null), Col.Utf8("a", "b")]));
    }

    [Fact]
    public void EmptySchema_NeedsAnExplicitLength()
    {
        var batch = new RecordBatch(new ArrowSchema([]), [], length: 5);

        Assert.Equal(5, batch.Length);
        Assert.Equal(0, new RecordBatch(new ArrowSchema([]), []).Length);
    }

    [Fact]
    public void Slice_SlicesEveryColumn()
    {
        var batch = new RecordBatch(s_schema, [Col.Int64(1, 2, 3), Col.Utf8("a", null, "c")]);

        var slice = batch.Slice(1, 2);

        Assert.True(slice.ContentEquals(new RecordBatch(s_schema, [Col.Int64(2, 3), Col.Utf8(null, "c")])));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Slice(2, 2));
    }
}
