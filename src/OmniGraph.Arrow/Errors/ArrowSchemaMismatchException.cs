namespace OmniGraph.Arrow;

/// <summary>
/// Raised when a <see cref="RecordBatch"/> is assembled from columns that disagree with its schema:
/// wrong column count, a column whose type differs from its field, a length that differs from the
/// batch length, or nulls in a non-nullable field. Code: <see cref="ArrowErrorCodes.SchemaMismatch"/>.
/// </summary>
public sealed class ArrowSchemaMismatchException : OmniGraphException
{
    public ArrowSchemaMismatchException(string message)
        : base(ArrowErrorCodes.SchemaMismatch, message)
    {
    }
}
