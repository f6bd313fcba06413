using System.Globalization;

namespace SideBySide;

/// <summary>
/// Every timed pass of both builds, by round, and what they say: the median pass of each build,
/// the ratio of those medians, and the median over rounds of each round's ratio (woven median
/// over plain median in that round). Each has a 95 % interval from resampling whole rounds, so
/// that a slow spell, which moves a round's passes together, counts as one observation.
/// </summary>
internal sealed class RoundTimes(int rounds, int passesPerRound)
{
    private const int Resamples = 2000;

    private readonly double[][] _plain = NewRounds(rounds, passesPerRound);
    private readonly double[][] _woven = NewRounds(rounds, passesPerRound);

    public void Add(bool plain, int round, int pass, double milliseconds) => (plain ? _plain : _woven)[round][pass] = milliseconds;

    public string Summary()
    {
        var random = new Random(20261207); // fixed: the same times always give the same intervals
        int[] all = Enumerable.Range(0, rounds).ToArray();
        var plainMedian = Interval(all, random, rs => Median(rs.SelectMany(r => _plain[r])));
        var wovenMedian = Interval(all, random, rs => Median(rs.SelectMany(r => _woven[r])));
        var ratio = Interval(all, random, rs => Median(rs.SelectMany(r => _woven[r])) / Median(rs.SelectMany(r => _plain[r])));
        var perRound = Interval(all, random, rs => Median(rs.Select(r => Median(_woven[r]) / Median(_plain[r]))));
        return string.Create(CultureInfo.InvariantCulture,
            $"rounds={rounds} passes_per_round={passesPerRound} plain_median_pass_ms={plainMedian} woven_median_pass_ms={wovenMedian} ratio={ratio} per_round_ratio={perRound}");
    }

    /// <summary>The statistic on all rounds, with the 2.5th and 97.5th percentiles of it over resampled rounds.</summary>
    private static Estimate Interval(int[] rounds, Random random, Func<IEnumerable<int>, double> statistic)
    {
        var resampled = new double[Resamples];
        var pick = new int[rounds.Length];
        for (int i = 0; i < Resamples; i++)
        {
            for (int j = 0; j < pick.Length; j++)
                pick[j] = rounds[random.Next(rounds.Length)];
            resampled[i] = statistic(pick);
        }
        Array.Sort(resampled);
        return new Estimate(statistic(rounds), resampled[(int)(Resamples * 0.025)], resampled[(int)(Resamples * 0.975) - 1]);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double[][] NewRounds(int rounds, int passes) => Enumerable.Range(0, rounds).Select(_ => new double[passes]).ToArray();

    private readonly record struct Estimate(double Value, double Low, double High)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:0.000}[{Low:0.000},{High:0.000}]");
    }
}
