namespace OmniGraph.Abstractions;

/// <summary>How a load applies to the data already on the branch (<c>--mode</c> of <c>omnigraph load</c>).</summary>
public enum GraphLoadMode
{
    /// <summary>Each type the file touches is replaced by exactly the file's rows; untouched types are kept.</summary>
    Overwrite,

    /// <summary>Strict insert: an id that already exists is a <c>key_conflict</c> and nothing is written.</summary>
    Append,

    /// <summary>Upsert by id: a row whose id exists replaces the committed row (whole row); new ids are inserted.</summary>
    Merge,
}
