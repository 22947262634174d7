namespace OmniGraph.Storage;

/// <summary>One page of a listing, sorted by key.</summary>
/// <param name="Objects">Objects of this page, in ascending ordinal key order.</param>
/// <param name="ContinuationToken">Token for the next page; <c>null</c> when the listing is complete.</param>
public sealed record ObjectListPage(IReadOnlyList<ObjectProperties> Objects, string? ContinuationToken);
