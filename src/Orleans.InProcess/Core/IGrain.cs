using Orleans.Runtime;

namespace Orleans;

// The key-kind marker interfaces form one concept (how a grain is addressed), so they share a file as in Orleans.

/// <summary>Marker interface for grains. A grain interface derives from one of the key-kind interfaces below.</summary>
public interface IGrain : IAddressable
{
}

/// <summary>A grain addressed by a <see cref="string"/> key.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>A grain addressed by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain
{
}

/// <summary>A grain addressed by a <see cref="long"/> key.</summary>
public interface IGrainWithIntegerKey : IGrain
{
}

/// <summary>A grain addressed by a <see cref="Guid"/> key plus a string key extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain
{
}

/// <summary>A grain addressed by a <see cref="long"/> key plus a string key extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain
{
}
