namespace Ercot.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line itself was wrong (System.CommandLine reports it).</summary>
    public const int Usage = 1;

    /// <summary>Some input was rejected (a malformed file); everything else was done.</summary>
    public const int InputRejected = 2;

    /// <summary>The store could not be reached or written.</summary>
    public const int StoreFailed = 3;

    public const int Cancelled = 130;

    public const string Help =
        "Exit codes: 0 success; 1 bad command line; 2 some input rejected (the rest was done); 3 store unreachable or failed; 130 cancelled.";
}
