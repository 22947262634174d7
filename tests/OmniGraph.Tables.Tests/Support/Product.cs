namespace OmniGraph.Tables.Tests.Support;

/// <summary>One row of the Catalog schema's Product table.</summary>
internal sealed record Product(string Sku, string? Colour, int? Stock, double? Price, long? Barcode);
