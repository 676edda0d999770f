namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>What "nothing lost, nothing out of order" means for a stream of received seqs.</summary>
public static class SeqAssertions
{
    /// <summary>Every seq from the first to the last received arrived at least once.</summary>
    public static void NoGaps(IEnumerable<long> received, string? context = null)
    {
        var distinct = received.Distinct().Order().ToList();
        Assert.NotEmpty(distinct);
        var missing = Enumerable.Range(0, (int)(distinct[^1] - distinct[0] + 1)).Select(i => distinct[0] + i).Except(distinct).ToList();
        Assert.True(missing.Count == 0, $"missing seqs: {string.Join(", ", missing.Take(20))}{Environment.NewLine}{context}");
    }

    /// <summary>Within each lane (live, backlog), first arrivals are in ascending seq order.</summary>
    public static void InOrderPerLane(IEnumerable<(long Seq, string? Lane, int MessageIndex)> samples)
    {
        foreach (var lane in samples.GroupBy(s => s.Lane))
        {
            var seen = new HashSet<long>();
            var last = long.MinValue;
            foreach (var (seq, _, _) in lane)
            {
                if (!seen.Add(seq))
                {
                    continue;
                }

                Assert.True(seq > last, $"lane {lane.Key}: seq {seq} arrived after {last}");
                last = seq;
            }
        }
    }
}
