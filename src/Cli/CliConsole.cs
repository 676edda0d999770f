using Spectre.Console;

namespace WorkOrders.Cli;

/// <summary>Where the tool talks to people: messages and progress on stderr, never on the data's stdout.</summary>
public sealed class CliConsole(TextWriter error)
{
    public TextWriter Error { get; } = error;

    public IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(error),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });

    public static CliConsole Standard() => new(Console.Error);

    public T WithProgress<T>(string description, double maxValue, Func<IProgress<double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Progress.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, maxValue));
                var result = work(new Progress<double>(v => task.Value = v));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
