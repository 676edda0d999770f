using System.Globalization;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>Arguments of the <c>quality</c> verb.</summary>
internal sealed record QualityOptions(int Seed, int Fleets, double Days, bool Demo, string? Detail, IReadOnlySet<string>? Versions = null, string? Trace = null, string? TraceFile = null)
{
    public const string Usage =
        "  quality [--seed N] [--fleets N] [--days D] [--no-demo] [--detail VERSION] [--versions v2,v4,…] [--trace FLEET/DEVICE --trace-file PATH]\n" +
        "                                      detection quality per detector version on seeded labeled fleets (docs/benchmarks.md)";

    public static QualityOptions Parse(IReadOnlyList<string> args)
    {
        var options = new QualityOptions(Seed: 1, Fleets: 6, Days: 4, Demo: true, Detail: null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seed" => options with { Seed = Int(args, ++i, "--seed", 0) },
                "--fleets" => options with { Fleets = Int(args, ++i, "--fleets", 0) },
                "--days" => options with { Days = Number(args, ++i, "--days") },
                "--no-demo" => options with { Demo = false },
                "--detail" => options with { Detail = Value(args, ++i, "--detail") },
                "--trace" => options with { Trace = Value(args, ++i, "--trace") },
                "--trace-file" => options with { TraceFile = Value(args, ++i, "--trace-file") },
                "--versions" => options with { Versions = Value(args, ++i, "--versions").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return options.Trace is not null && options.TraceFile is null
            ? throw new ArgumentException("--trace needs --trace-file PATH")
            : options;
    }

    private static string Value(IReadOnlyList<string> args, int i, string name) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value");

    private static int Int(IReadOnlyList<string> args, int i, string name, int min) =>
        int.TryParse(Value(args, i, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v
            : throw new ArgumentException($"{name} must be an integer ≥ {min}; got '{args[i]}'");

    private static double Number(IReadOnlyList<string> args, int i, string name) =>
        double.TryParse(Value(args, i, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= 60
            ? v
            : throw new ArgumentException($"{name} must be a number of days in (0, 60]; got '{args[i]}'");
}
