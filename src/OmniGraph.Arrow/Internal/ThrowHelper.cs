using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Arrow.Internal;

/// <summary>Cold throw paths, kept out of line so the hot accessors that guard them stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidFile(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowInvalidFile, message);

    [DoesNotReturn]
    public static T ThrowInvalidFile<T>(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowInvalidFile, message);

    [DoesNotReturn]
    public static void ThrowUnsupported(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowUnsupported, message);

    [DoesNotReturn]
    public static T ThrowUnsupported<T>(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowUnsupported, message);

    [DoesNotReturn]
    public static void ThrowChecksumMismatch(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowChecksumMismatch, message);

    [DoesNotReturn]
    public static void ThrowSchemaMismatch(string message) =>
        throw new OmniGraphException(ErrorCodes.ArrowSchemaMismatch, message);

    [DoesNotReturn]
    public static void ThrowIndexOutOfRange(int index, int length) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in [0, {length}).");

    [DoesNotReturn]
    public static void ThrowSliceOutOfRange(int offset, int length, int columnLength) =>
        throw new ArgumentOutOfRangeException(nameof(offset), $"Slice [{offset}, {offset}+{length}) is outside a column of length {columnLength}.");

    [DoesNotReturn]
    public static void ThrowTakeIndexOutOfRange(int position, int index, int length) =>
        throw new ArgumentOutOfRangeException("rowIndices", $"rowIndices[{position}] = {index} is outside a column of length {length}.");

    [DoesNotReturn]
    public static void ThrowColumnTooLarge() =>
        throw new InvalidOperationException("A column can hold at most int.MaxValue values and 2 GiB of data.");
}
