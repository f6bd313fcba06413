namespace HybridProf.Generators.Tests.Inputs;

/// <summary>Parameter types and names that are easy to get wrong (canonical signatures, overload names).</summary>
internal static class SignaturesInput
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        [assembly: HybridProf.Profile]

        namespace Sig
        {
            public unsafe class Kinds
            {
                public void Pointers(int* p, delegate*<int, void> f, void** pp) { }
                public void Dyn(dynamic d, object o) { }
                public void Tuples((int, string) pair, (int A, int B, int C, int D, int E, int F, int G, int H) wide) { }
                public void Natives(nint n, nuint u, IntPtr p) { }
                public void Nullables(int? a, string? b, List<string?> c) { }
                public void Refs(in int a, out int b, ref string c, ref readonly int d) { b = 0; }
                public void Jagged(int[][] a, int[,,] b, int[][,] c) { }
                public void Params(params object[] args) { }
                public int @event(int @class) => @class;
                public static Kinds operator checked +(Kinds a, Kinds b) => a;
                public static Kinds operator +(Kinds a, Kinds b) => b;
                public static bool operator true(Kinds k) => true;
                public static bool operator false(Kinds k) => false;
                public static implicit operator int(Kinds k) => 1;
                public static implicit operator long(Kinds k) => 2;
                public object Get(string key) => key;
                public T Get<T>(string key) => default!;
                public void Get<T, U>(string key) { }
            }

            public class Events
            {
                public async void Fire() { await Task.Yield(); }

                public int Nest()
                {
                    Func<int> viaLambda = () => { return InLambda(1); static int InLambda(int z) => z; };
                    return Outer(2) + viaLambda();

                    int Outer(int x)
                    {
                        return Inner<int>(x);

                        static T Inner<T>(T y) => y;
                    }
                }
            }

            file sealed class Hidden
            {
                public int Secret() => 42;
            }

            public class Outer<T>
            {
                public class Inner
                {
                    public void Take(Inner inner, Outer<T> outer, Outer<int>.Inner other) { }
                }

                public T Echo(T value, Dictionary<string, List<T>> map) => value;

                public void Over<U>(U value) { }

                public void Over<U>(U[] values) { }

                public void Over(int value) { Action a = () => { }; a(); }
            }

            public interface IConverter<TIn, TOut>
            {
                TOut Convert(TIn value);

                int Size { get; }
            }

            public sealed class Converter : IConverter<int, string>, IConverter<string, int>
            {
                string IConverter<int, string>.Convert(int value) => value.ToString();

                int IConverter<string, int>.Convert(string value) => value.Length;

                int IConverter<int, string>.Size => 4;

                int IConverter<string, int>.Size { get { return 8; } }

                public int this[int i] => i;

                public int this[string s] { get { return s.Length; } set { } }
            }
        }
        """;
}
