namespace OmniGraph.Query;

/// <summary>
/// The documented type-check rules. Every <see cref="QueryTypeException"/> names exactly one; the message starts
/// with <c>type error: Tn:</c>. docs/query-language.md lists what each rule covers.
/// </summary>
public enum TypeRule : byte
{
    /// <summary>Binding to an unknown node type (interfaces and edge types are not bindable).</summary>
    T1 = 1,

    /// <summary>A binding's inline property match names an unknown property.</summary>
    T2,

    /// <summary>Inline match or assignment value of the wrong type, enum value outside the set, list equality, Blob in a pattern, null for a non-nullable property.</summary>
    T3,

    /// <summary>Unknown edge in a traversal.</summary>
    T4,

    /// <summary>Traversal endpoint type mismatch, or a variable rebound to another type.</summary>
    T5,

    /// <summary>Unbound variable, unknown property in <c>$v.p</c>, or unknown alias.</summary>
    T6,

    /// <summary>Incompatible comparison or assignment types; list, vector or Blob comparisons; bad <c>contains</c>/<c>starts_with</c> operands; non-scalar filter operands.</summary>
    T7,

    /// <summary>Aggregate argument of the wrong type (sum/avg need numbers; min/max numbers or strings), nested aggregates.</summary>
    T8,

    /// <summary>Result-shape errors: non-key projection beside an aggregate, duplicate column, bad order key; a negation with no outer variable.</summary>
    T9,

    /// <summary>Unknown mutation target type; insert or update without assignments.</summary>
    T10,

    /// <summary>Unknown property in a mutation; Blob in a mutation <c>where</c>.</summary>
    T11,

    /// <summary>Insert missing a required property or an edge endpoint.</summary>
    T12,

    /// <summary>Duplicate assignment.</summary>
    T13,

    /// <summary>A mutation uses a variable that is not a declared parameter.</summary>
    T14,

    /// <summary>Invalid or unbounded hop bounds; <c>nearest</c> (not supported yet).</summary>
    T15,

    /// <summary>Update on an edge type.</summary>
    T16,

    /// <summary><c>nearest</c> ordering without <c>limit</c> (search is not supported yet).</summary>
    T17,

    /// <summary>Alias ordering combined with <c>nearest</c> (search is not supported yet).</summary>
    T18,

    /// <summary><c>search</c>/<c>fuzzy</c> (not supported yet).</summary>
    T19,

    /// <summary><c>match_text</c>/<c>bm25</c> (not supported yet).</summary>
    T20,

    /// <summary><c>rrf</c> (not supported yet).</summary>
    T21,

    /// <summary>Undirected traversal over an edge whose endpoint types differ.</summary>
    T22,

    /// <summary>Edge-binding misuse (bounds, rebinding, endpoint, bare return).</summary>
    T23,

    /// <summary>Blob used as a read value (return, order, aggregate).</summary>
    T24,
}
