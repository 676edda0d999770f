using System.Globalization;

namespace WorkOrders.Benchmarks.Dispatch;

/// <summary>Arguments of the <c>dispatch</c> verb.</summary>
internal sealed record DispatchBenchOptions(int Orders, int Engineers, int Days, int Seed, TimeSpan SolverTime)
{
    public const string Usage =
        "  dispatch [--orders 1000] [--engineers 100] [--days 3] [--seed 42] [--seconds 30]   greedy vs OR-Tools batch planning";

    public static DispatchBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DispatchBenchOptions(1000, 100, 3, 42, TimeSpan.FromSeconds(30));
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"'{args[i]}' needs a positive whole number.");
            }

            options = args[i] switch
            {
                "--orders" => options with { Orders = value },
                "--engineers" => options with { Engineers = value },
                "--days" => options with { Days = value },
                "--seed" => options with { Seed = value },
                "--seconds" => options with { SolverTime = TimeSpan.FromSeconds(value) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        return options;
    }
}
