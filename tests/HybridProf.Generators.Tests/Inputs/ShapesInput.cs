namespace HybridProf.Generators.Tests.Inputs;

/// <summary>
/// An application with <c>[assembly: Profile]</c> and most shapes a method can take
/// (golden file <c>Shapes.g.cs.txt</c>). The comments say what each line must produce.
/// </summary>
internal static class ShapesInput
{
    public const string Program = """
        using System;
        using System.Threading.Tasks;
        using Shop;

        [assembly: HybridProf.Profile]

        var cache = new Cache<string, int>(4);
        Func<int, int> square = x => x * x;
        Console.WriteLine(Report(square(cache.Count)));
        await Task.Yield();

        static string Report(int value)
        {
            Func<string> text = () => value.ToString();
            return text();
        }
        """;

    public const string Cache = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading.Tasks;

        namespace Shop;

        public sealed class Cache<TKey, TValue> where TKey : notnull
        {
            private readonly Dictionary<TKey, TValue> _items;
            private readonly Func<int, int> _grow = n => n * 2;

            static Cache() { Instances = 0; }

            public Cache() : this(16) { }

            public Cache(int capacity) => _items = new Dictionary<TKey, TValue>(_grow(capacity));

            ~Cache() { Instances--; }

            public static int Instances { get; private set; }

            public int Count => _items.Count;

            public string Name { get; set; } = "";

            public TValue this[TKey key]
            {
                get => _items[key];
                set { _items[key] = value; Changed?.Invoke(this, EventArgs.Empty); }
            }

            public int Limit { get { return _items.Count * 2; } init { } }

            public event EventHandler? Changed;

            public event EventHandler? Cleared
            {
                add { Changed += value; }
                remove { Changed -= value; }
            }

            public TValue Get(TKey key) => _items[key];

            public async Task<TValue> GetAsync(TKey key)
            {
                await Task.Yield();
                return Get(key);
            }

            public IEnumerable<TKey> Keys()
            {
                foreach (var key in _items.Keys)
                    yield return key;
            }

            public async IAsyncEnumerable<TKey> KeysAsync()
            {
                await Task.Yield();
                foreach (var key in _items.Keys)
                    yield return key;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int Inlined() => 1;

            [HybridProf.Profile, MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int InlinedButProfiled() => 2;

            [HybridProf.NoProfile]
            public void Hidden() { }

            public sealed class Entry<TTag>
            {
                public Entry(TValue value) => Value = value;

                public TValue Value { get; }

                public static implicit operator TValue(Entry<TTag> entry) => entry.Value;
            }
        }
        """;

    public const string Parser = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Threading.Tasks;

        namespace Shop.Text;

        public static class Parser
        {
            public static int Parse(string text) => int.Parse(text);

            public static int Parse(int radix, string text) => Convert.ToInt32(text, radix);

            public static bool Parse(ref int value, int[] values, List<int> list, int[,] grid) => list.Count > value;

            public static T[] Map<T>(T[] items, Func<T, T> f) => items.Select(f).ToArray();

            public static int Lambdas(int[] xs)
            {
                Func<int, int> twice = x => x * 2;
                Func<int, Func<int, int>> adder = a => b => a + b;
                Expression<Func<int, int>> tree = x => x + 1;
                Func<Task> run = async () => await Task.Yield();
                Action nothing = delegate { };
                nothing();
                return Local(xs.Sum(twice)) + adder(1)(2) + tree.Parameters.Count + (run is null ? 0 : 1);

                int Local(int v)
                {
                    Func<int, int> inner = y => y - v;
                    return inner(v);
                }
            }

            public static IEnumerable<int> Evens(int n)
            {
                return Iterate();

                IEnumerable<int> Iterate()
                {
                    for (int i = 0; i < n; i += 2)
                        yield return i;
                }
            }

            public static async Task<int> FetchAsync()
            {
                return await One();

                static async Task<int> One()
                {
                    await Task.Delay(1);
                    return 1;
                }
            }
        }
        """;

    public const string Geometry = """
        using System;
        using System.Collections;
        using System.Collections.Generic;

        namespace Shop.Geometry
        {
            public readonly struct Vec
            {
                public Vec(int x, int y) { X = x; Y = y; }

                public int X { get; }

                public int Y { get; }

                public static Vec operator +(Vec a, Vec b) => new Vec(a.X + b.X, a.Y + b.Y);

                public static Vec operator -(Vec a) => new Vec(-a.X, -a.Y);

                public static explicit operator int(Vec v) => v.X;

                public static implicit operator Vec(int x) => new Vec(x, 0);

                public static implicit operator Vec(long x) => new Vec((int)x, 0);

                public override string ToString() => $"({X}, {Y})";
            }

            public record Point(int X, int Y)
            {
                public double Length() => Math.Sqrt(X * X + Y * Y);
            }

            public interface IShape
            {
                double Area();

                double Perimeter() => 0;
            }

            public abstract class Shape : IShape
            {
                public abstract double Area();
            }

            public sealed class Square : Shape, IShape, IEnumerable<int>
            {
                public override double Area() => 1;

                double IShape.Perimeter() => 4;

                IEnumerator<int> IEnumerable<int>.GetEnumerator() { yield return 1; }

                IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator();
            }

            public class Outer<T>
            {
                public class Inner<U>
                {
                    public static class Deep
                    {
                        public static U Convert(T value, Func<T, U> f) => f(value);
                    }
                }
            }

            [HybridProf.NoProfile]
            public class Quiet
            {
                public void Nothing() { }

                public class Deeper
                {
                    public void AlsoNothing() { }

                    [HybridProf.Profile]
                    public void Loud() { }
                }
            }

            public delegate void Handler(int x);

            public partial class Split
            {
                partial void OnChanged();

                partial void OnChanged() { }

                public void Touch() => OnChanged();
            }
        }

        public class GlobalHelper
        {
            public int Run() => 0;
        }
        """;

    /// <summary>Excluded wholesale: an <c>&lt;auto-generated&gt;</c> header.</summary>
    public const string Generated = """
        // <auto-generated>
        //     Produced by a tool.
        // </auto-generated>
        namespace Shop;

        public static class GeneratedHelpers
        {
            public static int Generated() => 0;
        }
        """;

    public static (string Path, string Text)[] Files => new[]
    {
        ("/src/Shop/Program.cs", Program),
        ("/src/Shop/Cache.cs", Cache),
        ("/src/Shop/Text/Parser.cs", Parser),
        ("/src/Shop/Geometry.cs", Geometry),
        ("/src/Shop/obj/Resources.cs", Generated),
        ("/src/Shop/obj/Model.g.cs", "namespace Shop; public static class G { public static void M() { } }"),
    };
}
