namespace OmniGraph.Schema.Migration;

/// <summary>The errors of schema planning.</summary>
public static class SchemaMigrationErrors
{
    /// <summary><c>schema_change_unsupported</c>: every unsupported step of <paramref name="plan"/>, one per line.</summary>
    public static OmniGraphException Unsupported(SchemaMigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = plan.Unsupported.Select(static s => s.Code is null ? $"{s.Entity}: {s.Reason}" : $"[{s.Code}] {s.Entity}: {s.Reason}").ToArray();
        return new OmniGraphException(
            ErrorCodes.SchemaChangeUnsupported,
            $"the schema change is not supported (nothing was written): {string.Join("; ", lines)}",
            ErrorDetails.Of(ErrorDetail.Reason.With(string.Join("\n", lines))));
    }

    /// <summary><c>schema_rename_unknown</c>: <paramref name="declaration"/> renames from <paramref name="oldName"/>, which the accepted schema does not have.</summary>
    public static OmniGraphException RenameUnknown(string declaration, string oldName) =>
        new(
            ErrorCodes.SchemaRenameUnknown,
            $"{declaration} declares @rename_from(\"{ErrorText.Quote(oldName)}\") but no accepted declaration has that name",
            ErrorDetails.Of(ErrorDetail.TypeName.With(declaration), ErrorDetail.Value.With(oldName)));
}
