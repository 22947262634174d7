using Orleans.Concurrency;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>What a grain observed about its own turns.</summary>
[GenerateSerializer]
public sealed record TurnReport([property: Id(0)] int Overlaps, [property: Id(1)] int ForeignSchedulerTurns, [property: Id(2)] int MissingContextTurns, [property: Id(3)] int Segments);

/// <summary>Runs many short turns separated by awaits and checks that no two turns of the activation ever overlap.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    Task Work(int awaits);

    Task<TurnReport> GetReport();
}

public interface IReentrantTurnGrain : IGrainWithStringKey
{
    Task Work(int awaits);

    Task<TurnReport> GetReport();
}

public abstract class TurnGrainBase : Grain
{
    private int _inTurn;
    private int _overlaps;
    private int _foreignScheduler;
    private int _missingContext;
    private int _segments;
    private TaskScheduler? _scheduler;

    public async Task Work(int awaits)
    {
        _scheduler ??= TaskScheduler.Current;
        for (var i = 0; i < awaits; i++)
        {
            Segment();
            if (i % 3 == 0)
            {
                await Task.Yield();
            }
            else if (i % 3 == 1)
            {
                await Task.Delay(1);
            }
            else
            {
                await Task.Run(static () => Thread.SpinWait(50));
            }
        }

        Segment();
    }

    public Task<TurnReport> GetReport() => Task.FromResult(new TurnReport(_overlaps, _foreignScheduler, _missingContext, _segments));

    private void Segment()
    {
        // Interlocked only to detect a violation reliably; correct grain code would not need it.
        if (Interlocked.Increment(ref _inTurn) != 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        if (!ReferenceEquals(TaskScheduler.Current, _scheduler))
        {
            _foreignScheduler++;
        }

        if (!ReferenceEquals(RuntimeContext.Current, GrainContext))
        {
            _missingContext++;
        }

        _segments++;
        Thread.SpinWait(20);
        Interlocked.Decrement(ref _inTurn);
    }
}

public sealed class TurnGrain : TurnGrainBase, ITurnGrain
{
}

[Reentrant]
public sealed class ReentrantTurnGrain : TurnGrainBase, IReentrantTurnGrain
{
}
