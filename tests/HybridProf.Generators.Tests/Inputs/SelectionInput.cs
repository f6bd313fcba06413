namespace HybridProf.Generators.Tests.Inputs;

/// <summary>
/// A C# 7.3 library without <c>[assembly: Profile]</c>: only what the attributes select is
/// instrumented (golden file <c>Selection.g.cs.txt</c>).
/// </summary>
internal static class SelectionInput
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using HybridProf;

        namespace Lib
        {
            [Profile]
            public class Service
            {
                public Service() { }

                public int Handle(int request) { return Twice(request) + Helper.Count(request); }

                private int Twice(int x) { return x * 2; }

                [NoProfile]
                public void Tiny() { }

                public int Total { get { return 1; } }

                public class Worker
                {
                    public void Work() { Action a = () => { }; a(); }

                    [NoProfile]
                    public class Idle
                    {
                        public void Wait() { }
                    }
                }
            }

            public static class Helper
            {
                [Profile]
                public static int Count(int n)
                {
                    return Sum(n) + Square(n);

                    int Square(int v) { return v * v; }
                }

                [Profile]
                public static int Count(string s) { return s.Length; }

                public static int Sum(int n) { Func<int, int> f = x => x + n; return f(n); }

                [Profile]
                public static string Name { get { return "helper"; } set { } }

                [Profile]
                public static IEnumerable<int> Range(int n)
                {
                    for (int i = 0; i < n; i++)
                        yield return i;
                }
            }

            [NoProfile]
            public class Plain
            {
                [Profile]
                public void Chosen() { }

                public void NotChosen() { }
            }

            public struct Counter
            {
                private int _value;

                [Profile]
                public void Increment() { _value++; }

                public int Value { get { return _value; } }
            }
        }
        """;
}
