namespace Ercot.Tests.Infrastructure;

/// <summary>External parts that ./test.sh starts for the tests, found through environment variables.</summary>
public static class TestEnvironment
{
    /// <summary>Connection string of the Azurite blob service started by ./test.sh.</summary>
    public const string AzuriteVariable = "ERCOT_TEST_AZURITE";

    public static string? AzuriteConnectionString => Environment.GetEnvironmentVariable(AzuriteVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Connection string of the PostgreSQL cluster started by ./test.sh.</summary>
    public const string PostgresVariable = "ERCOT_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string SkipReasonWithoutPostgres =>
        $"PostgreSQL is not running: {PostgresVariable} is not set. ./test.sh installs (apt) and starts it.";

    public static string SkipReasonWithoutAzurite =>
        $"Azurite is not running: {AzuriteVariable} is not set. ./test.sh installs and starts it (npm azurite).";
}
