namespace WorkOrders.Cli.Csv;

/// <summary>A parsed CSV file: its header and its data rows, each with the line it came from.</summary>
public sealed record CsvDocument(string File, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows);

public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
