namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// The kinds of write the failpoint matrix breaks, each on STD (FX-TEST with its data): the three load modes and the
/// three mutation kinds. <see cref="WriteKinds"/> knows how many tables each writes (one head move each, in table-key
/// order), how to run it under the matrix's actor, and how to tell from one snapshot whether it is visible.
/// </summary>
public enum WriteKind
{
    /// <summary>A load that replaces every table (Company, Knows, Person, WorksAt).</summary>
    LoadOverwrite,

    /// <summary>A load that appends a person and an edge (Knows, Person).</summary>
    LoadAppend,

    /// <summary>A load that merges a changed person and a new company (Company, Person).</summary>
    LoadMerge,

    /// <summary>An insert of a person and a friendship (Knows, Person).</summary>
    MutationInsert,

    /// <summary>An update of one person (Person).</summary>
    MutationUpdate,

    /// <summary>A delete of a person with its cascade (Knows, WorksAt, Person).</summary>
    MutationDelete,
}
