using Shop.Lib;

namespace Shop.App;

public static class Program
{
    public static int Main(string[] args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1.5;
        Console.WriteLine($"checksum {Report.Run(seconds)}");
        return 0;
    }
}

public static class Report
{
    public static long Run(double seconds) => Pricing.ChecksumFor(seconds);
}
