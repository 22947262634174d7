namespace OmniGraph.Persistence.Tests.EndToEnd;

public sealed class ProfileState
{
    public string Name { get; set; } = string.Empty;

    public int Writes { get; set; }
}

public interface IProfileGrain : IGrainWithStringKey
{
    Task<string> GetName();

    Task<int> GetWrites();

    /// <summary>Writes the name; an InconsistentStateException escapes to the caller (and heals the activation).</summary>
    Task SetName(string name);

    Task Clear();
}

/// <summary>A grain persisting its profile through the object-store provider named "store".</summary>
public sealed class ProfileGrain([PersistentState("profile", "store")] IPersistentState<ProfileState> profile) : Grain, IProfileGrain
{
    public Task<string> GetName() => Task.FromResult(profile.State.Name);

    public Task<int> GetWrites() => Task.FromResult(profile.State.Writes);

    public async Task SetName(string name)
    {
        profile.State.Name = name;
        profile.State.Writes++;
        await profile.WriteStateAsync();
    }

    public Task Clear() => profile.ClearStateAsync();
}
