namespace OmniGraph.Cli.Infrastructure;

/// <summary>The process exit codes of <c>omnigraph</c> (docs/cli.md).</summary>
public static class CliExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed (a typed error was printed; stored data is unchanged unless the error says otherwise).</summary>
    public const int Error = 1;

    /// <summary>The command line was not usable: unknown command or flag, a missing required flag, a bad flag value.</summary>
    public const int Usage = 2;

    /// <summary>A compare-and-swap write lost its race (<c>precondition_failure</c>, e.g. <c>mutate --if-commit</c>).</summary>
    public const int PreconditionFailed = 4;

    /// <summary>SIGINT (Ctrl-C) stopped the command (128 + 2): it wrote nothing (<c>error[cancelled]</c>).</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM stopped the command (128 + 15): it wrote nothing (<c>error[cancelled]</c>).</summary>
    public const int Terminated = 143;
}
