using System.Globalization;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Conformance;

/// <summary>A grain state type for the conformance runner.</summary>
public sealed class TestState1
{
    public string A { get; set; } = string.Empty;

    public int B { get; set; }

    public long C { get; set; }
}

/// <summary>
/// The Orleans storage-provider conformance suite (the <c>GrainStorageTestRunner</c> list), as an abstract xunit class:
/// every <see cref="IGrainStorage"/> implementation gets a test class deriving from it that supplies the provider.
/// </summary>
public abstract class GrainStorageTestRunner
{
    private static int s_grainCounter;

    /// <summary>The provider under test (a fresh, empty one per call is fine but not required).</summary>
    protected abstract IGrainStorage Storage { get; }

    [Fact]
    public async Task WriteReadIdCyrillic()
    {
        var grainId = StringKeyGrainId("ДлинныйКлючСКириллицей-ёЁ");
        var state = NewState();
        state.State!.A = "значение";
        await Storage.WriteStateAsync("state", grainId, state);

        var read = await ReadAsync("state", grainId);
        Assert.Equal("значение", read.State!.A);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteDuplicateFailsWithInconsistentStateException()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync("state", grainId, NewState("first"));

        // A second writer that never read the record writes with a null ETag: it must not overwrite.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("state", grainId, NewState("second")));
        Assert.Equal("first", (await ReadAsync("state", grainId)).State!.A);
    }

    [Fact]
    public async Task WriteInconsistentFailsWithInconsistentStateException()
    {
        var grainId = NewGrainId();
        var current = NewState("v1");
        await Storage.WriteStateAsync("state", grainId, current);
        var stale = new GrainState<TestState1>(new TestState1 { A = "stale" }, current.ETag);
        current.State!.A = "v2";
        await Storage.WriteStateAsync("state", grainId, current);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("state", grainId, stale));

        var stored = await ReadAsync("state", grainId);
        Assert.Equal("v2", stored.State!.A);
        Assert.Equal(current.ETag, stored.ETag);
        Assert.Equal(current.ETag, error.StoredEtag);
    }

    [Fact]
    public async Task WriteReadWriteReadStatesInParallel()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var grainId = NewGrainId();
            var state = NewState($"first-{i}");
            await Storage.WriteStateAsync("state", grainId, state);
            Assert.Equal($"first-{i}", (await ReadAsync("state", grainId)).State!.A);
            state.State!.A = $"second-{i}";
            await Storage.WriteStateAsync("state", grainId, state);
            Assert.Equal($"second-{i}", (await ReadAsync("state", grainId)).State!.A);
        }));
    }

    [Fact]
    public async Task ReadNonExistentState()
    {
        var read = await ReadAsync("state", NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(string.Empty, read.State!.A);
        Assert.Equal(0, read.State.B);
    }

    [Fact]
    public async Task WriteClearWrite()
    {
        var grainId = NewGrainId();
        var state = NewState("one");
        await Storage.WriteStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);
        state.State!.A = "two";
        await Storage.WriteStateAsync("state", grainId, state);

        var read = await ReadAsync("state", grainId);
        Assert.True(read.RecordExists);
        Assert.Equal("two", read.State!.A);
    }

    [Fact]
    public async Task WriteClearRead()
    {
        var grainId = NewGrainId();
        var state = NewState("one");
        await Storage.WriteStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);

        var read = await ReadAsync("state", grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(string.Empty, read.State!.A);
    }

    [Fact]
    public async Task WriteRead_StringKey()
    {
        var grainId = StringKeyGrainId($"some/string:key@{Interlocked.Increment(ref s_grainCounter)}");
        await Storage.WriteStateAsync("state", grainId, NewState("string key"));
        Assert.Equal("string key", (await ReadAsync("state", grainId)).State!.A);
    }

    [Fact]
    public async Task WriteRead_IntegerKey()
    {
        // Integer keys are encoded as upper-case hexadecimal, as in Orleans.
        var grainId = GrainId.Create("testgrain", (long.MaxValue - Interlocked.Increment(ref s_grainCounter)).ToString("X", CultureInfo.InvariantCulture));
        await Storage.WriteStateAsync("state", grainId, NewState("integer key"));
        Assert.Equal("integer key", (await ReadAsync("state", grainId)).State!.A);
    }

    [Fact]
    public async Task ETagChangesOnWrite()
    {
        var grainId = NewGrainId();
        var state = NewState("a");
        await Storage.WriteStateAsync("state", grainId, state);
        var first = state.ETag;
        state.State!.A = "b";
        await Storage.WriteStateAsync("state", grainId, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task ClearBeforeWrite()
    {
        var grainId = NewGrainId();
        var state = NewState("unsaved");

        await Storage.ClearStateAsync("state", grainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(string.Empty, state.State.A);
    }

    [Fact]
    public async Task ClearStateDoesNotNullifyState()
    {
        var grainId = NewGrainId();
        var state = NewState("x");
        await Storage.WriteStateAsync("state", grainId, state);

        await Storage.ClearStateAsync("state", grainId, state);

        Assert.NotNull(state.State);
        Assert.Equal((string.Empty, 0, 0L), (state.State.A, state.State.B, state.State.C));
    }

    [Fact]
    public async Task ClearUpdatesETag()
    {
        var grainId = NewGrainId();
        var state = NewState("x");
        await Storage.WriteStateAsync("state", grainId, state);
        var written = state.ETag;

        await Storage.ClearStateAsync("state", grainId, state);

        Assert.True(state.ETag is null || state.ETag != written);
    }

    [Fact]
    public async Task ReadAfterClear()
    {
        var grainId = NewGrainId();
        var state = NewState("x");
        await Storage.WriteStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);

        var read = await ReadAsync("state", grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task MultipleClearOperations()
    {
        var grainId = NewGrainId();
        var state = NewState("x");
        await Storage.WriteStateAsync("state", grainId, state);

        await Storage.ClearStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);
        await Storage.ClearStateAsync("state", grainId, state);

        Assert.False((await ReadAsync("state", grainId)).RecordExists);
    }

    [Fact]
    public async Task ReadNonExistentStateHasNonNullState()
    {
        var read = await ReadAsync("state", NewGrainId());
        Assert.NotNull(read.State);
        Assert.Equal((string.Empty, 0, 0L), (read.State.A, read.State.B, read.State.C));
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task StateNamesUseIndependentRecords()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync("first", grainId, NewState("one"));
        await Storage.WriteStateAsync("second", grainId, NewState("two"));

        Assert.Equal("one", (await ReadAsync("first", grainId)).State!.A);
        Assert.Equal("two", (await ReadAsync("second", grainId)).State!.A);
        Assert.False((await ReadAsync("third", grainId)).RecordExists);
    }

    [Fact]
    public async Task ClearInconsistentFailsWithInconsistentStateException()
    {
        var grainId = NewGrainId();
        var current = NewState("v1");
        await Storage.WriteStateAsync("state", grainId, current);
        var stale = new GrainState<TestState1>(new TestState1(), current.ETag);
        current.State!.A = "v2";
        await Storage.WriteStateAsync("state", grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("state", grainId, stale));

        // Clearing with no ETag a record that exists is just as stale.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("state", grainId, NewState()));
        Assert.Equal("v2", (await ReadAsync("state", grainId)).State!.A);
    }

    [Fact]
    public async Task WriteReadClearReadCycle()
    {
        var grainId = NewGrainId();
        var state = NewState();
        for (var i = 0; i < 5; i++)
        {
            state.State!.A = $"cycle {i}";
            state.State.B = i;
            await Storage.WriteStateAsync("state", grainId, state);
            var read = await ReadAsync("state", grainId);
            Assert.Equal(i, read.State!.B);
            await Storage.ClearStateAsync("state", grainId, read);
            Assert.False((await ReadAsync("state", grainId)).RecordExists);
            state = NewState();
        }
    }

    [Fact]
    public async Task WriteWithSameValuesUpdatesETag()
    {
        var grainId = NewGrainId();
        var state = NewState("same");
        await Storage.WriteStateAsync("state", grainId, state);
        var first = state.ETag;

        await Storage.WriteStateAsync("state", grainId, state);

        Assert.NotEqual(first, state.ETag);
    }

    /// <summary>A new grain id for the calling test.</summary>
    protected static GrainId NewGrainId() => StringKeyGrainId($"grain-{Interlocked.Increment(ref s_grainCounter)}-{Guid.NewGuid():N}");

    /// <summary>A grain id of the test grain type with key <paramref name="key"/>.</summary>
    protected static GrainId StringKeyGrainId(string key) => GrainId.Create("testgrain", key);

    /// <summary>A fresh state record holding <paramref name="a"/>.</summary>
    protected static GrainState<TestState1> NewState(string a = "") => new(new TestState1 { A = a, B = a.Length, C = a.Length * 1000L });

    /// <summary>Reads a state into a fresh record.</summary>
    protected async Task<GrainState<TestState1>> ReadAsync(string stateName, GrainId grainId)
    {
        var state = new GrainState<TestState1>();
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
