using System.Globalization;

namespace SideBySide;

/// <summary>
/// CPU time of each thread of this process by name, read from Linux's /proc/self/task, so that a
/// run can say what the threads other than the one running the passes cost: the woven build's
/// sampler runs through both builds' passes, so its CPU time is reported apart (empty where
/// /proc is not there).
/// </summary>
internal sealed class ThreadCpuTimes
{
    private static readonly double TicksPerMillisecond = 100 / 1000.0; // USER_HZ is 100 on Linux

    private readonly Dictionary<string, double> _milliseconds;

    private ThreadCpuTimes(Dictionary<string, double> milliseconds) => _milliseconds = milliseconds;

    public static ThreadCpuTimes Now()
    {
        var byName = new Dictionary<string, double>();
        if (!Directory.Exists("/proc/self/task"))
            return new ThreadCpuTimes(byName);
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                string name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after the parenthesized name: state is 3rd, utime 14th and stime 15th overall.
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                double ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                byName[name] = byName.GetValueOrDefault(name) + ticks / TicksPerMillisecond;
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: its time is gone with it.
            }
        }
        return new ThreadCpuTimes(byName);
    }

    /// <summary>CPU milliseconds each thread name used since <paramref name="start"/>, the busiest first, those over 1 ms.</summary>
    public string Since(ThreadCpuTimes start) => string.Join(",", _milliseconds
        .Select(p => (Name: p.Key, Used: p.Value - start._milliseconds.GetValueOrDefault(p.Key)))
        .Where(p => p.Used >= 1)
        .OrderByDescending(p => p.Used)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name.Replace(' ', '_')}:{p.Used:0}")));
}
