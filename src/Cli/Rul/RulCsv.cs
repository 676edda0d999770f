using WorkOrders.Cli.Csv;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Cli.Rul;

/// <summary>Reads <c>unit,cycle,feature…</c> files; every value must be a number.</summary>
public static class RulCsv
{
    public static RulDataset ToDataset(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var header = document.Header;
        string[] required = ["unit", "cycle"];
        for (var c = 0; c < required.Length; c++)
        {
            if (header.Count <= c || !header[c].Equals(required[c], StringComparison.OrdinalIgnoreCase))
            {
                throw new CsvFormatException(document.File, 1, c + 1,
                    $"expected column '{required[c]}' here, found '{header.ElementAtOrDefault(c) ?? "nothing"}' (header must be unit,cycle,<features>)");
            }
        }

        if (header.Count < 3)
        {
            throw new CsvFormatException(document.File, 1, 3, "expected at least one feature column after 'unit,cycle'");
        }

        if (document.Rows.Count == 0)
        {
            throw new CsvFormatException(document.File, 2, 1, "no data rows after the header");
        }

        var features = header.Skip(2).ToArray();
        var rows = new List<RulRow>(document.Rows.Count);
        foreach (var row in document.Rows)
        {
            var unit = row.Fields[0].Trim();
            if (unit.Length == 0)
            {
                throw new CsvFormatException(document.File, row.Line, 1, "empty unit");
            }

            var cycle = Number(document.File, row, 1, "cycle");
            var values = new double[features.Length];
            for (var j = 0; j < features.Length; j++)
            {
                values[j] = Number(document.File, row, j + 2, features[j]);
            }

            rows.Add(new RulRow(unit, cycle, values));
        }

        return new RulDataset(features, rows);
    }

    private static double Number(string file, CsvRow row, int index, string column)
    {
        if (CsvReader.TryParseNumber(row.Fields[index], out var value) && !double.IsNaN(value))
        {
            return value;
        }

        throw new CsvFormatException(file, row.Line, index + 1, $"'{row.Fields[index].Trim()}' in column '{column}' is not a number");
    }
}
