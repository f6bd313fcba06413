using System.Text;

namespace HybridProf.Cli.Truth;

/// <summary>
/// One key for two spellings of a method: the runtime's (<c>Workloads.Plain!Workloads.Parser.Term()</c>,
/// as dotnet-trace and TraceEvent name frames: module, metadata type and method names, IL parameter
/// types) and HybridProf's (<c>Workloads.Parser.Term</c>, as the source names it). The key keeps
/// what both spellings carry: the namespace, the types (nested types joined by dots, generic
/// arguments and arity dropped) and the member as HybridProf writes it (<c>Count.get</c>,
/// <c>operator +</c>, <c>Main.Local</c>, <c>Main.lambda*</c> for any lambda of <c>Main</c>, async
/// methods and iterators by their own name). Parameter types are kept apart, to tell overloads
/// apart when the key alone does not.
/// </summary>
internal static class FrameKeys
{
    /// <summary>The key's member for any lambda of a member: the two sides number lambdas differently.</summary>
    public const string AnyLambda = "lambda*";

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_Modulus"] = "%", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^",
        ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>", ["op_UnsignedRightShift"] = ">>>",
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<", ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=", ["op_UnaryNegation"] = "-",
        ["op_UnaryPlus"] = "+", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~", ["op_Increment"] = "++",
        ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
        ["op_CheckedAddition"] = "checked +", ["op_CheckedSubtraction"] = "checked -", ["op_CheckedMultiply"] = "checked *",
        ["op_CheckedDivision"] = "checked /", ["op_CheckedUnaryNegation"] = "checked -", ["op_CheckedIncrement"] = "checked ++",
        ["op_CheckedDecrement"] = "checked --",
        ["op_AdditionAssignment"] = "+=", ["op_SubtractionAssignment"] = "-=", ["op_MultiplicationAssignment"] = "*=",
        ["op_DivisionAssignment"] = "/=", ["op_ModulusAssignment"] = "%=", ["op_BitwiseAndAssignment"] = "&=",
        ["op_BitwiseOrAssignment"] = "|=", ["op_ExclusiveOrAssignment"] = "^=", ["op_LeftShiftAssignment"] = "<<=",
        ["op_RightShiftAssignment"] = ">>=", ["op_UnsignedRightShiftAssignment"] = ">>>=",
    };

    private static readonly Dictionary<string, string> Accessors = new(StringComparer.Ordinal)
    {
        ["get_"] = "get", ["set_"] = "set", ["add_"] = "add", ["remove_"] = "remove",
    };

    // IL and metadata spellings of the types C# has keywords for.
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["int8"] = "sbyte", ["uint8"] = "byte", ["int16"] = "short", ["uint16"] = "ushort", ["int32"] = "int",
        ["uint32"] = "uint", ["int64"] = "long", ["uint64"] = "ulong", ["float32"] = "float", ["float64"] = "double",
        ["wchar"] = "char", ["bool"] = "bool", ["native int"] = "nint", ["native uint"] = "nuint",
        ["String"] = "string", ["Object"] = "object", ["Boolean"] = "bool", ["Char"] = "char", ["SByte"] = "sbyte",
        ["Byte"] = "byte", ["Int16"] = "short", ["UInt16"] = "ushort", ["Int32"] = "int", ["UInt32"] = "uint",
        ["Int64"] = "long", ["UInt64"] = "ulong", ["Single"] = "float", ["Double"] = "double", ["Decimal"] = "decimal",
        ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    /// <summary>
    /// The key of a frame as the runtime names it: <c>[Module!]Namespace.Type[+Nested][`N][[args]].Method(parameters)</c>.
    /// Null for what is no method: TraceEvent's own frames (<c>CPU_TIME</c>, <c>Threads</c>,
    /// <c>Thread (42)</c>, <c>Process64 …</c>, <c>(Non-Activities)</c>) and anything else without a
    /// type and a member.
    /// </summary>
    public static MethodKey? FromRuntime(string name)
    {
        string rest = PerfMapToTraceEvent(name);
        int bang = rest.IndexOf('!');
        int paren = rest.IndexOf('(');
        if (bang > 0 && (paren < 0 || bang < paren))
            rest = rest[(bang + 1)..];
        IReadOnlyList<string>? parameters = null;
        paren = rest.IndexOf('(');
        if (paren > 0 && rest.EndsWith(')'))
        {
            parameters = SplitTopLevel(rest[(paren + 1)..^1]).Select(RuntimeParameter).ToArray();
            rest = rest[..paren];
        }
        else if (paren >= 0 || rest.Contains(' '))
        {
            return null;
        }

        string typeText, method;
        if (rest.EndsWith("..ctor", StringComparison.Ordinal) || rest.EndsWith("..cctor", StringComparison.Ordinal))
        {
            int dot = rest.LastIndexOf("..", StringComparison.Ordinal);
            typeText = rest[..dot];
            method = rest[(dot + 1)..];
        }
        else
        {
            int dot = LastTopLevelDot(rest);
            if (dot <= 0 || dot == rest.Length - 1)
                return null;
            typeText = rest[..dot];
            method = StripBrackets(rest[(dot + 1)..], '[', ']');
        }

        var types = SplitTopLevel(StripBrackets(typeText, '[', ']'), '+')
            .SelectMany(t => SplitTopLevel(t, '.'))
            .Select(StripArity)
            .ToList();
        if (types.Count == 0 || types.Any(t => t.Length == 0))
            return null;

        // Compiler-generated types nested in the member's type: closures (<>c, <>c__DisplayClass0_0)
        // hold lambdas named after their member; state machines (<Run>d__3, <<Main>b__0_0>d) are
        // the async method or iterator named inside the brackets, whose MoveNext is its body.
        while (types.Count > 1 && types[^1].StartsWith('<'))
        {
            string generated = types[^1];
            types.RemoveAt(types.Count - 1);
            if (generated.StartsWith("<>", StringComparison.Ordinal))
                continue;
            if (InsideBrackets(generated) is { } inner)
                method = inner;
        }

        string member = RuntimeMember(method, types[^1]);
        return new MethodKey(string.Join('.', types) + "." + member, parameters);
    }

    /// <summary>
    /// The key of a frame as HybridProf names it (<c>Shop.Cache&lt;TKey, TValue&gt;.Get</c>,
    /// <c>Shop.Parser.Parse(string).lambda2</c>, <c>Shop.Vec.operator +(Vec, Vec)</c>); the overload's
    /// parameter types, when the name carries them, kept apart.
    /// </summary>
    public static MethodKey FromHybridProf(string name)
    {
        string text = name;
        string? operatorToken = null;
        int op = text.IndexOf("operator ", StringComparison.Ordinal);
        if (op > 0)
        {
            // Operators' tokens hold <, > and parentheses of their own: take them out first.
            string after = text[(op + "operator ".Length)..];
            int paren = after.IndexOf('(', 1);
            operatorToken = paren > 0 ? after[..paren] : after;
            string head = text[..op];
            // A conversion's token is its target type, which the runtime's name does not carry.
            if (head.EndsWith("implicit ", StringComparison.Ordinal) || head.EndsWith("explicit ", StringComparison.Ordinal))
                operatorToken = null;
            text = head + "operator" + (paren > 0 ? after[paren..] : "");
        }

        IReadOnlyList<string>? parameters = null;
        int parametersAt = -1;
        var segments = SplitTopLevel(text, '.').ToList();
        for (int i = 0; i < segments.Count; i++)
        {
            string segment = segments[i];
            // The overload's parameters: Parse(string), this[string].
            int paren = IndexOfTopLevel(segment, '(');
            if (paren > 0 && segment.EndsWith(')'))
            {
                parameters = SplitTopLevel(segment[(paren + 1)..^1]).Select(HybridProfParameter).ToArray();
                parametersAt = i;
                segment = segment[..paren];
            }
            if (segment.StartsWith("this[", StringComparison.Ordinal) && segment.EndsWith(']'))
            {
                if (segment.Length > "this[]".Length)
                    parameters = SplitTopLevel(segment["this[".Length..^1]).Select(HybridProfParameter).ToArray();
                parametersAt = i + 1;
                segment = "this[]";
            }
            segment = StripBrackets(segment, '<', '>');
            if (operatorToken is not null && segment.EndsWith("operator", StringComparison.Ordinal) && !segment.Contains(' '))
                segment = "operator " + operatorToken;
            segments[i] = segment;
        }
        if (segments.Count > 1)
        {
            string last = segments[^1];
            if (last == "init")
                segments[^1] = "set";
            else if (last.StartsWith("lambda", StringComparison.Ordinal) && last.Length > 6 && last[6..].All(char.IsAsciiDigit))
                segments[^1] = AnyLambda;
        }
        // Parameters of the member that owns a lambda or local function are not the frame's own.
        return new MethodKey(string.Join('.', segments), parametersAt >= segments.Count - 1 ? parameters : null);
    }

    /// <summary>
    /// The runtime's perf map spelling (<c>DOTNET_PerfMapEnabled=1</c>, as <c>perf script</c> prints it):
    /// <c>instance float64 [Workloads.Plain] Workloads.Parser::Term()[OptimizedTier1]</c>, rewritten as
    /// TraceEvent spells it (<c>Workloads.Plain!Workloads.Parser.Term()</c>); any other name as it is.
    /// </summary>
    public static string PerfMapToTraceEvent(string name)
    {
        int colons = name.IndexOf("::", StringComparison.Ordinal);
        if (colons <= 0)
            return name;
        string head = name[..colons];
        int moduleEnd = head.LastIndexOf("] ", StringComparison.Ordinal);
        int moduleStart = moduleEnd > 0 ? head.LastIndexOf('[', moduleEnd) : -1;
        if (moduleStart < 0 || (moduleStart > 0 && head[moduleStart - 1] != ' '))
            return name;
        string tail = name[(colons + 2)..];
        // The code's tier after the parameters: [OptimizedTier1], [QuickJitted], [PreJIT], ...
        int paren = tail.LastIndexOf(')');
        if (paren > 0 && paren < tail.Length - 1 && tail[paren + 1] == '[' && tail.EndsWith(']'))
            tail = tail[..(paren + 1)];
        return head[(moduleStart + 1)..moduleEnd] + "!" + head[(moduleEnd + 2)..] + "." + tail;
    }

    // The member as HybridProf writes it, from the runtime's method name within its type.
    private static string RuntimeMember(string method, string typeName)
    {
        // <Main>b__0_1: a lambda of Main; <Main>g__Local|0_0: local function Local of Main; <Main>$: top-level statements.
        if (method.StartsWith('<') && InsideBrackets(method) is { } owner)
        {
            string tail = method[(owner.Length + 2)..];
            string ownerMember = RuntimeMember(owner, typeName);
            if (tail.StartsWith("b__", StringComparison.Ordinal))
                return ownerMember + "." + AnyLambda;
            if (tail.StartsWith("g__", StringComparison.Ordinal))
            {
                int bar = tail.IndexOf('|');
                return ownerMember + "." + (bar > 3 ? tail[3..bar] : tail[3..]);
            }
            return ownerMember;
        }
        if (method == "Finalize")
            return "~" + typeName;
        if (Operators.TryGetValue(method, out string? token))
            return "operator " + token;
        if (method is "op_Implicit" or "op_Explicit")
            return method[3..].ToLowerInvariant() + " operator";
        foreach (var (prefix, accessor) in Accessors)
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal) && method.Length > prefix.Length)
            {
                string property = method[prefix.Length..];
                return (property == "Item" ? "this[]" : property) + "." + accessor;
            }
        }
        return method;
    }

    /// <summary>A runtime parameter type (<c>class System.String</c>, <c>int32</c>, <c>value class System.Span`1&lt;!!0&gt;</c>, <c>!0</c>) as a short comparable name.</summary>
    private static string RuntimeParameter(string text)
    {
        string type = text.Trim();
        foreach (string prefix in new[] { "class ", "value class ", "valuetype " })
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
                type = type[prefix.Length..];
        }
        type = type.TrimEnd('&', '*', ' ');
        if (type.StartsWith('!') || type.Contains("__Canon", StringComparison.Ordinal))
            return "?";
        return ShortType(type);
    }

    /// <summary>A parameter as HybridProf writes it (<c>ref int</c>, <c>List&lt;T&gt;</c>, <c>string?</c>) as a short comparable name.</summary>
    private static string HybridProfParameter(string text)
    {
        string type = text.Trim();
        foreach (string modifier in new[] { "ref ", "out ", "in ", "params ", "scoped ", "ref readonly " })
        {
            if (type.StartsWith(modifier, StringComparison.Ordinal))
                type = type[modifier.Length..];
        }
        type = type.Replace("?", "", StringComparison.Ordinal).TrimEnd('*', ' ');
        if (type.StartsWith('('))
            return "ValueTuple";
        return ShortType(type);
    }

    // Namespace, generic arguments and arity dropped, keywords for the types C# has them for;
    // array ranks kept. A lone capitalised name of one letter or T-something may be a type
    // parameter, which the runtime writes as !0 or __Canon: it matches anything.
    private static string ShortType(string type)
    {
        string suffix = "";
        while (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            if (open < 0)
                break;
            string rank = type[open..];
            if (rank.Trim('[', ']', ',').Length > 0)
                break;
            suffix = rank + suffix;
            type = type[..open];
        }
        type = StripBrackets(StripBrackets(type, '<', '>'), '[', ']');
        int dot = type.LastIndexOf('.');
        if (dot >= 0)
            type = type[(dot + 1)..];
        int plus = type.LastIndexOf('+');
        if (plus >= 0)
            type = type[(plus + 1)..];
        type = StripArity(type);
        if (Keywords.TryGetValue(type, out string? keyword))
            type = keyword;
        else if (type.Length == 1 || (type.Length > 1 && type[0] == 'T' && char.IsUpper(type[1])))
            return "?";
        return type + suffix;
    }

    /// <summary>Whether the parameter lists may be the same method's: same length, each type alike or a type parameter.</summary>
    public static bool SameParameters(IReadOnlyList<string> runtime, IReadOnlyList<string> hybridProf) =>
        runtime.Count == hybridProf.Count && runtime.Zip(hybridProf).All(p => p.First == "?" || p.Second == "?" || p.First == p.Second);

    private static string StripArity(string name)
    {
        int tick = name.IndexOf('`');
        return tick > 0 ? name[..tick] : name;
    }

    // The text between a leading '<' and its matching '>': "<Main>b__0_0" gives "Main", "<<Main>$>d__0" gives "<Main>$".
    private static string? InsideBrackets(string text)
    {
        if (!text.StartsWith('<'))
            return null;
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
                depth++;
            else if (text[i] == '>' && --depth == 0)
                return text[1..i];
        }
        return null;
    }

    // Removes every bracketed part (with nesting): "Dictionary`2[System.Char,System.__Canon]" → "Dictionary`2".
    // A leading '<' that begins a compiler-generated name ("<Main>b__0_0", "<>c") is part of the name, not brackets.
    private static string StripBrackets(string text, char open, char close)
    {
        if (text.IndexOf(open) < 0)
            return text;
        var result = new StringBuilder(text.Length);
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == open && !(open == '<' && (i == 0 || text[i - 1] is '.' or '+' or '<')) && depth >= 0)
            {
                depth++;
                continue;
            }
            if (c == close && depth > 0)
            {
                depth--;
                continue;
            }
            if (depth == 0)
                result.Append(c);
        }
        return result.ToString();
    }

    private static int LastTopLevelDot(string text)
    {
        int depth = 0, last = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '[' or '<')
                depth++;
            else if (c is ']' or '>')
                depth = Math.Max(0, depth - 1);
            else if (c == '.' && depth == 0 && i > 0 && text[i - 1] != '.')
                last = i;
        }
        return last;
    }

    private static int IndexOfTopLevel(string text, char wanted)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == wanted && depth == 0)
                return i;
            if (c is '[' or '<' or '(')
                depth++;
            else if (c is ']' or '>' or ')')
                depth = Math.Max(0, depth - 1);
        }
        return -1;
    }

    /// <summary>Splits at <paramref name="separator"/> outside brackets of any kind; an empty text gives no parts.</summary>
    private static IEnumerable<string> SplitTopLevel(string text, char separator = ',')
    {
        if (text.Trim().Length == 0)
            yield break;
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '[' or '(' || (c == '<' && !(separator == '.' && (i == 0 || text[i - 1] is '.' or '<'))))
                depth++;
            else if (c is ']' or ')' or '>')
                depth = Math.Max(0, depth - 1);
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}

/// <summary>A method's key and, when its name says, its parameter types (short names, <c>?</c> for a type parameter).</summary>
/// <param name="Key">Namespace, types and member, as <see cref="FrameKeys"/> spells them.</param>
/// <param name="Parameters">Parameter types, or null when the name does not give them.</param>
internal sealed record MethodKey(string Key, IReadOnlyList<string>? Parameters);
