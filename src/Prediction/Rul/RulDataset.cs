namespace WorkOrders.Prediction.Rul;

/// <summary>Run histories: rows of many units, each unit's rows in cycle order.</summary>
public sealed record RulDataset(IReadOnlyList<string> FeatureNames, IReadOnlyList<RulRow> Rows)
{
    /// <summary>The rows grouped by unit, units in order of first appearance, each unit's rows sorted by cycle.</summary>
    public IReadOnlyList<UnitHistory> Units()
    {
        var order = new List<string>();
        var byUnit = new Dictionary<string, List<RulRow>>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            if (!byUnit.TryGetValue(row.Unit, out var list))
            {
                byUnit[row.Unit] = list = [];
                order.Add(row.Unit);
            }

            list.Add(row);
        }

        return [.. order.Select(u => new UnitHistory(u, [.. byUnit[u].OrderBy(r => r.Cycle)]))];
    }
}

public sealed record UnitHistory(string Unit, IReadOnlyList<RulRow> Rows);
