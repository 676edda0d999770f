namespace WorkOrders.Benchmarks.EndToEnd;

internal static class StageReport
{
    /// <summary>One line: batches, messages per batch, and each stage's share of ingest's (serial) batch cycle.</summary>
    public static string Describe(StageTotals stages)
    {
        if (stages.Batches == 0)
        {
            return "ingest processed no batch";
        }

        var total = stages.AckAndFill + stages.Validate + stages.Store + stages.Grains + stages.Finish;
        string Part(string name, TimeSpan time) =>
            $"{name} {time.TotalMilliseconds / stages.Batches:F1} ms ({time / total:P0})";
        return $"ingest: {stages.Batches:N0} batches, {stages.Messages / (double)stages.Batches:N0} msgs each; per batch " +
               $"{Part("ack+fill", stages.AckAndFill)}, {Part("validate", stages.Validate)}, {Part("store", stages.Store)}, " +
               $"{Part("grains", stages.Grains)}, {Part("finish", stages.Finish)} = {total.TotalMilliseconds / stages.Batches:F1} ms " +
               $"→ {stages.Messages / total.TotalSeconds:N0} msgs/s while busy";
    }
}
