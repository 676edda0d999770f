using MQTTnet.Exceptions;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>The <c>e2e</c> verb: progress on stderr, exactly one RESULT line on stdout.</summary>
internal static class E2eCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        E2eOptions options;
        try
        {
            options = E2eOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(E2eOptions.Usage);
            return 2;
        }

        // Whatever else in the process writes to stdout goes to stderr: stdout carries the RESULT line alone.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        E2eResult result;
        try
        {
            result = await new E2eRun(options).ExecuteAsync(CancellationToken.None);
        }
        catch (MqttCommunicationException ex)
        {
            await Console.Error.WriteLineAsync($"e2e: the broker {options.Broker ?? "(embedded)"} could not be reached or dropped the run: {ex.Message} {ex.InnerException?.Message}");
            return 1;
        }

        await stdout.WriteLineAsync(result.ToResultLine());
        await stdout.FlushAsync();
        return 0;
    }
}
