namespace WorkOrders.Cli.Csv;

/// <summary>A bad input file: names the file, the 1-based line and column, and what was wrong.</summary>
public sealed class CsvFormatException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
