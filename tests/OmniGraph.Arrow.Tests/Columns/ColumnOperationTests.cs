using OmniGraph.Arrow.Tests.TestSupport;

namespace OmniGraph.Arrow.Tests.Columns;

/// <summary>Slice (zero-copy), Take (gather) and Concatenate for every column kind, including bitmaps at odd bit offsets.</summary>
public sealed class ColumnOperationTests
{
    public static TheoryData<string> FieldNames() => [.. SampleData.AllTypesSchema.Fields.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Slice_EqualsTakeOfTheSameRange(string fieldName)
    {
        var column = SampleData.RandomAllTypes(77, seed: 11, nullRate: 0.3).Column(fieldName);

        foreach (var (offset, length) in new[] { (0, 77), (0, 0), (3, 10), (13, 64), (76, 1), (77, 0), (1, 76) })
        {
            var slice = column.Slice(offset, length);
            var taken = column.Take([.. Enumerable.Range(offset, length)]);
            Assert.Equal(length, slice.Length);
            Assert.True(slice.ContentEquals(taken), $"slice [{offset},+{length}) of {fieldName}");
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(column.IsNull(offset + i), slice.IsNull(i));
            }
        }
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void SliceOfSlice_CountsNullsOfItsOwnRange(string fieldName)
    {
        var column = SampleData.RandomAllTypes(200, seed: 12, nullRate: 0.25).Column(fieldName);

        var inner = column.Slice(5, 150).Slice(7, 100);
        var expected = column.Slice(12, 100);

        Assert.Equal(Enumerable.Range(12, 100).Count(column.IsNull), inner.NullCount);
        Assert.True(inner.ContentEquals(expected));
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Take_GathersInAnyOrderWithRepeats(string fieldName)
    {
        var column = SampleData.RandomAllTypes(50, seed: 13, nullRate: 0.3).Column(fieldName);
        int[] indices = [49, 0, 0, 17, 3, 49, 25];

        var taken = column.Take(indices);

        Assert.Equal(indices.Length, taken.Length);
        for (var i = 0; i < indices.Length; i++)
        {
            Assert.True(taken.Slice(i, 1).ContentEquals(column.Slice(indices[i], 1)), $"{fieldName} take[{i}]");
        }

        Assert.Equal(0, column.Take([]).Length);
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Concatenate_OfSlices_RebuildsTheColumn(string fieldName)
    {
        var column = SampleData.RandomAllTypes(90, seed: 14, nullRate: 0.3).Column(fieldName);

        var rebuilt = ArrowColumn.Concatenate([column.Slice(0, 13), column.Slice(13, 0), column.Slice(13, 40), column.Slice(53, 37)]);

        Assert.True(rebuilt.ContentEquals(column));
        Assert.Equal(column.NullCount, rebuilt.NullCount);
    }

    [Fact]
    public void Concatenate_RejectsMixedTypesAndEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => ArrowColumn.Concatenate([Col.Int32(1), Col.Int64(1)]));
        Assert.Throws<ArgumentException>(() => ArrowColumn.Concatenate([]));
    }

    [Fact]
    public void OutOfRangeArguments_Throw()
    {
        var column = Col.Int32(1, 2, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => column.Slice(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => column.Slice(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => column.Take([0, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => column.Take([-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => column.IsNull(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Col.Utf8("a").GetBytes(1));
    }

    [Fact]
    public void Slice_IsZeroCopy()
    {
        var column = Col.Int64(10, 20, 30, 40);

        var slice = column.Slice(1, 2);

        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(column.Values[1..]),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slice.Values)));
    }

    [Fact]
    public void ContentEquals_ComparesValuesNotLayout()
    {
        var floats = Col.Of<double>(ArrowType.Float64, double.NaN, 1, null);

        Assert.True(floats.ContentEquals(Col.Of<double>(ArrowType.Float64, double.NaN, 1, null)));
        Assert.False(floats.ContentEquals(Col.Of<double>(ArrowType.Float64, double.NaN, 2, null)));
        Assert.False(floats.ContentEquals(Col.Of<double>(ArrowType.Float64, double.NaN, 1, 0)));
        Assert.False(Col.Int32(1).ContentEquals(Col.Of<int>(ArrowType.Date32, 1)));
    }
}
