using CsCheck;

namespace HybridProf.Fody.Tests.Stress;

/// <summary>
/// Random programs for the weaving stress test: a mix of snippets (recursion, generics,
/// structs, exceptions with filters and finally, async, iterators, lambdas and local
/// functions, entry guards, first rounds), each adding to a log that <c>Run()</c> returns.
/// </summary>
public static class ProgramShapes
{
    private delegate (string Members, string Call) Snippet(int n, int a, int b);

    private static readonly Snippet[] Snippets =
    {
        (n, a, b) => ($"static int Rec{n}(int d) => d <= 0 ? {a} : Rec{n}(d - 1) + {b};", $"log.Append(Rec{n}({a % 7}));"),
        (n, a, b) => ($"static T Id{n}<T>(T v) {{ return v; }}", $"log.Append(Id{n}<string>(\"s{a}\")).Append(Id{n}({b}));"),
        (n, a, b) => ($"struct S{n} {{ int _v; public S{n}(int v) {{ _v = v * {a}; }} public int Get() => _v + {b}; }}", $"log.Append(new S{n}({b}).Get());"),
        (n, a, b) => ($$"""
            static int Ex{{n}}(int x)
            {
                try { if (x % {{a % 3 + 2}} == 0) throw new System.InvalidOperationException("e{{n}}"); return x; }
                catch (System.InvalidOperationException e) when (e.Message.Length > 1) { return -x; }
                finally { s_finally++; }
            }
            """, $"log.Append(Ex{n}({b})).Append(Ex{n}({a}));"),
        (n, a, b) => ($"static async System.Threading.Tasks.Task<int> As{n}(int x) {{ await System.Threading.Tasks.Task.Yield(); return x * {a}; }}",
            $"log.Append(As{n}({b}).GetAwaiter().GetResult());"),
        (n, a, b) => ($$"""
            static async System.Threading.Tasks.Task<string> Ae{{n}}()
            {
                try { await System.Threading.Tasks.Task.Yield(); throw new System.ArgumentException("a{{n}}"); }
                catch (System.ArgumentException e) { return e.Message + {{a}}; }
            }
            """, $"log.Append(Ae{n}().GetAwaiter().GetResult());"),
        (n, a, b) => ($"static System.Collections.Generic.IEnumerable<int> It{n}(int c) {{ for (int i = 0; i < c; i++) yield return i * {a}; }}",
            $"log.Append(string.Join(\",\", It{n}({b % 5})));"),
        (n, a, b) => ($$"""
            static int La{{n}}(int x)
            {
                System.Func<int, int> f = y => y + {{a}};
                int Local(int z) => z * {{b}};
                return f(Local(x));
            }
            """, $"log.Append(La{n}({a}));"),
        (n, a, b) => ($$"""
            class G{{n}}<TKey> where TKey : notnull
            {
                private readonly System.Collections.Generic.Dictionary<TKey, int> _d = new();
                public int Bump(TKey k) { _d.TryGetValue(k, out int v); _d[k] = v + {{a}}; return _d[k]; }
            }
            """, $"var g{n} = new G{n}<string>(); g{n}.Bump(\"k\"); log.Append(g{n}.Bump(\"k\"));"),
        // Entry guards (under the default rule): a return inside the guard, with an out parameter set first.
        (n, a, b) => ($$"""
            static string Gu{{n}}(int x, out int seen)
            {
                seen = x % {{a % 7 + 2}};
                if (x < {{b % 10}}) return "g" + seen;
                string r = "";
                for (int i = 0; i < x % 4; i++) r += i;
                return r;
            }
            """, $"log.Append(Gu{n}({a % 12}, out int u{n})).Append(u{n}).Append(Gu{n}({b % 12}, out u{n})).Append(u{n});"),
        // A guard that returns through the return its loop shares, after a conditional expression.
        (n, a, b) => ($$"""
            static int Gs{{n}}(int x)
            {
                int r = x > {{a % 5}} ? {{a}} : -{{a}};
                if (x > {{b % 8}}) { for (int i = 0; i < 3; i++) r += i * x; }
                return r - 1;
            }
            """, $"log.Append(Gs{n}({a % 10})).Append(Gs{n}({b % 10}));"),
        // A guard that may throw, then one that returns, then a loop the marked part starts with.
        (n, a, b) => ($$"""
            static int Gd{{n}}(int x)
            {
                if (x == {{a}} + 1000) throw new System.ArgumentException("g{{n}}");
                if (x % 2 == 0) return x / 2;
                do { x -= 3; } while (x > 10);
                return x;
            }
            """, $"log.Append(Gd{n}({a})).Append(Gd{n}({b})); try {{ log.Append(Gd{n}({a} + 1000 + {b % 2})); }} catch (System.ArgumentException e) {{ log.Append(e.Message); }}"),
        // First rounds (small but for its loops): nested loops with continue, break and a return
        // inside, a ref parameter carried across rounds, calls whose loops run 0, 1 or more times.
        (n, a, b) => ($$"""
            static int Fr{{n}}(int[] v, ref int acc)
            {
                for (int i = 0; i < v.Length; i++)
                {
                    if (v[i] % {{a % 5 + 2}} == 0) continue;
                    for (int j = i; j < v.Length; j++) { if (v[j] > {{b % 9}}) break; acc += v[j]; }
                    if (acc > {{a % 11}}) return i;
                }
                return -1;
            }
            """, $"int acc{n} = {b % 3}; log.Append(Fr{n}(new[] {{ {a % 9}, {b % 9}, {(a + b) % 9}, {a * b % 9} }}, ref acc{n})).Append(acc{n}).Append(Fr{n}(new int[0], ref acc{n})).Append(Fr{n}(new[] {{ {b % 9} }}, ref acc{n})).Append(acc{n});"),
    };

    /// <summary>A program of 4 to 14 snippets: source text of one file with <c>Generated.Program.Run()</c>.</summary>
    public static readonly Gen<string> Program =
        Gen.Select(Gen.Int[0, Snippets.Length - 1], Gen.Int[1, 50], Gen.Int[1, 50]).Array[4, 14].Select(Render);

    private static string Render((int Kind, int A, int B)[] picks)
    {
        var members = new System.Text.StringBuilder();
        var calls = new System.Text.StringBuilder();
        for (int n = 0; n < picks.Length; n++)
        {
            var (member, call) = Snippets[picks[n].Kind](n, picks[n].A, picks[n].B);
            members.AppendLine(member);
            calls.AppendLine("        " + call + " log.Append(';');");
        }
        return $$"""
            [assembly: HybridProf.Profile]
            namespace Generated;
            public static class Program
            {
                static int s_finally;
            {{members}}
                public static string Run()
                {
                    var log = new System.Text.StringBuilder();
            {{calls}}
                    return log.Append(s_finally).ToString();
                }
            }
            """;
    }
}
