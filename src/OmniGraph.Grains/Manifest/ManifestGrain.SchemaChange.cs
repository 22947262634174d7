namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The commit side of schema apply (docs/schema-language.md, "Changing the schema"): the manifest a schema apply publishes
/// names the new schema and the table set it lists, and goes through the same checks, sidecar and publish as every write.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>
    /// The image a schema apply's staged tables replace entries of: the head with the new schema and the request's
    /// complete table set. Every listed table the head also has must be the head's version (else another write got in
    /// first); a table the head does not have (new, or renamed) starts at its version 0; what soft drops keep is the head's
    /// kept entries or the head's version of a dropped table. Only main, and only while main is the graph's one branch: a
    /// branch forked earlier would keep tables laid out by the old schema.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>schema_apply_branches_exist</c>, <c>read_set_conflict</c>, <c>invalid_write</c>.</exception>
    private GraphSnapshot SchemaChangeImage(CommitRequest request, BranchInfo branch, GraphSnapshot head, CommitSchemaChange change)
    {
        if (!string.Equals(request.Writer, CommitKinds.SchemaApply, StringComparison.Ordinal) || !string.Equals(branch.Name, BranchNames.Main, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidWrite("graph", $"only a schema apply on main changes the schema (this is a {request.Writer} on '{branch.Name}')");
        }

        if (_state.State.Branches.Count > 0)
        {
            throw EngineErrors.SchemaApplyBranchesExist([.. _state.State.Branches.Select(static b => b.Name).Order(StringComparer.Ordinal)]);
        }

        var tables = change.Tables.IsDefault ? [] : change.Tables.Sort(static (a, b) => string.CompareOrdinal(a.Table, b.Table));
        for (var i = 0; i < tables.Length; i++)
        {
            var table = tables[i];
            if (i > 0 && string.Equals(tables[i - 1].Table, table.Table, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(table.Table, "the schema change names the table twice");
            }

            if (head.TryGetTable(table.Table, out var published))
            {
                if (!published.SameVersionAs(table))
                {
                    throw new ReadSetChangedException($"table:{table.Table}", table.ToString(), published.ToString());
                }
            }
            else if (table.Version != 0 || table.Key is not null || !string.Equals(table.ChainIncarnation, branch.Incarnation, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(table.Table, $"a table the schema apply adds starts at its version 0 on '{branch.Name}', not at {table}");
            }
        }

        // What soft drops keep is either kept already or the head's version of a table this apply drops: never anything else.
        foreach (var dropped in change.Dropped)
        {
            if (!head.Dropped.Contains(dropped) && !(head.TryGetTable(dropped.Version.Table, out var published) && published.SameVersionAs(dropped.Version)))
            {
                throw EngineErrors.InvalidWrite(dropped.Version.Table, $"the schema change keeps {dropped.Version} of a drop, which is neither kept already nor the head's version");
            }
        }

        return head with { SchemaHash = change.SchemaHash, Tables = tables, Dropped = change.Dropped };
    }
}
