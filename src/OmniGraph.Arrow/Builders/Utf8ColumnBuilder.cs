using System.Text.Unicode;

namespace OmniGraph.Arrow;

/// <summary>
/// Builds a <see cref="Utf8Column"/>. UTF-8 input (for example a span straight from a JSON reader) is appended
/// without creating a string; it is checked to be valid UTF-8, so the built column always is.
/// </summary>
public sealed class Utf8ColumnBuilder : VariableBinaryColumnBuilder
{
    public Utf8ColumnBuilder()
        : base(ArrowType.Utf8)
    {
    }

    /// <summary>Appends UTF-8 bytes as one value.</summary>
    /// <exception cref="ArgumentException"><paramref name="utf8"/> is not valid UTF-8.</exception>
    public void Append(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new ArgumentException("The value is not valid UTF-8.", nameof(utf8));
        }

        AppendValue(utf8);
    }

    /// <summary>Appends text as one value, encoding it straight into the column's data.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds an unpaired surrogate.</exception>
    public void Append(ReadOnlySpan<char> value)
    {
        var destination = ReserveValue(checked(value.Length * 3));
        var status = Utf8.FromUtf16(value, destination, out _, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new ArgumentException("The value holds an unpaired surrogate and cannot be encoded as UTF-8.", nameof(value));
        }

        CommitValue(written);
    }

    /// <summary>Appends <paramref name="value"/>, or a null slot when it is null.</summary>
    public void Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            Append(value.AsSpan());
        }
    }

    public override Utf8Column Build()
    {
        var (length, offsets, data, validity, nulls) = DetachBuffers();
        return new Utf8Column(length, offsets, data, validity, 0, nulls);
    }
}
