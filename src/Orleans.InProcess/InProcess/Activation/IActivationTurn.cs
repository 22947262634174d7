namespace Orleans.InProcess.Activation;

/// <summary>Work that runs as one turn on an activation's scheduler (request starts, timer ticks, lifecycle steps).</summary>
internal interface IActivationTurn
{
    /// <summary>Runs inside the turn's task, so <c>TaskScheduler.Current</c> is the activation's scheduler.</summary>
    void ExecuteTurn(GrainActivation activation);

    /// <summary>Runs on the same thread right after the turn, outside any task (no activation scheduler is current).</summary>
    void AfterTurn(GrainActivation activation);
}
