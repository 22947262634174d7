namespace Orleans.Runtime;

/// <summary>Marker for anything that has a grain identity: grain references and grain instances.</summary>
public interface IAddressable
{
}
