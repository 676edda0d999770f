using System.Diagnostics;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>Progress on stderr (stdout carries only the RESULT line), stamped with seconds since the run began.</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static TextWriter Writer { get; set; } = Console.Error;

    public static void Say(string line) => Writer.WriteLine($"{Stopwatch.GetElapsedTime(Started).TotalSeconds,6:F1}  {line}");
}
