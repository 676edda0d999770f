using System.Globalization;
using System.Text;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>A calibrated score in [0,1] with the channels that drove it, strongest first.</summary>
public sealed record AnomalyScore(double Score, bool WarmingUp, IReadOnlyList<ChannelContribution> Contributions)
{
    public static AnomalyScore Learning { get; } = new(0, true, []);

    public string Explain()
    {
        if (WarmingUp)
        {
            return "learning the device's normal";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"score {Score:0.000}");
        if (Contributions.Count == 0)
        {
            return text.Append(": no channel deviates").ToString();
        }

        text.Append(": ");
        for (var i = 0; i < Contributions.Count; i++)
        {
            var c = Contributions[i];
            if (i > 0)
            {
                text.Append("; ");
            }

            text.Append(CultureInfo.InvariantCulture,
                $"{c.Channel} {c.Value:G6} vs {c.Expected:G6} expected ({c.Deviation:+0.0;-0.0} σ)");
        }

        return text.ToString();
    }
}
