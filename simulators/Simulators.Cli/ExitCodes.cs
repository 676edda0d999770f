namespace WorkOrders.Simulators.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run could not reach the broker or had publish errors.</summary>
    public const int RunFailed = 1;

    /// <summary>A bad scenario, CSV or argument: the message names the file and the field.</summary>
    public const int BadInput = 2;
}
