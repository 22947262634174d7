using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;
using Spectre.Console;

namespace OmniGraph.Cli.Commands;

/// <summary>The progress bar of an interactive <c>load</c>: bytes parsed of the file, on standard error.</summary>
internal static class LoadProgressBar
{
    /// <summary>Runs <paramref name="load"/> under a progress bar fed by <paramref name="options"/>' progress callback.</summary>
    public static async Task<LoadOutput> RunAsync(CliConsole console, long fileBytes, GraphLoadOptions options, Func<Task<LoadOutput>> load)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return await terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("parsing", autoStart: true, maxValue: Math.Max(1, fileBytes));
                options.Progress = new Callback(progress =>
                {
                    task.Value = progress.BytesReceived;
                    if (progress.BytesReceived >= fileBytes)
                    {
                        task.Description = "committing";
                    }
                });
                var output = await load();
                task.Description = "committed";
                task.Value = task.MaxValue;
                return output;
            });
    }

    private sealed class Callback(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}
