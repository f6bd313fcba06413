namespace HybridProf.Generators.Tests.Inputs;

/// <summary>
/// An application with <c>[assembly: Profile]</c> and most shapes a method can take
/// (golden file <c>Shapes.g.cs.txt</c>). The comments say what each line must produce.
/// </summary>
internal static partial class ShapesInput
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

    public static (string Path, string Text)[] Files => new[]
    {
        ("/src/Shop/Program.cs", Program),
        ("/src/Shop/Cache.cs", Cache),
        ("/src/Shop/Text/Parser.cs", Parser),
        ("/src/Shop/Geometry.cs", Geometry),
        ("/src/Shop/Color.cs", "namespace Shop;\n\npublic enum Color { Red, Green }\n"),
        ("/src/Shop/obj/Resources.cs", Generated),
        ("/src/Shop/obj/Model.g.cs", "namespace Shop; public static class G { public static void M() { } }"),
    };
}
