namespace Workloads;

/// <summary>A call-heavy workload: a recursive-descent parser and evaluator of arithmetic, made of many small methods.</summary>
public static class Calculator
{
    public static long Run(int rounds)
    {
        string source = Generate(4_000);
        long total = 0;
        for (int i = 0; i < rounds; i++)
            total += (long)new Parser(source).ParseAll();
        return total;
    }

    // A long sum of products of parenthesised terms: "(1+2*3)*4-(5+6)/7+...".
    private static string Generate(int terms)
    {
        var random = new Random(42);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < terms; i++)
        {
            if (i > 0)
                text.Append("+-"[random.Next(2)]);
            text.Append('(').Append(random.Next(1, 99)).Append('+').Append(random.Next(1, 99)).Append('*').Append(random.Next(1, 9)).Append(')');
            text.Append("*/"[random.Next(2)]).Append(random.Next(1, 9));
        }
        return text.ToString();
    }
}

/// <summary>expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := number | '(' expr ')'.</summary>
public sealed class Parser
{
    private readonly string _text;
    private int _position;

    public Parser(string text) => _text = text;

    public double ParseAll() => Expression();

    private double Expression()
    {
        double value = Term();
        while (Peek() is '+' or '-')
            value = Apply(Next(), value, Term());
        return value;
    }

    private double Term()
    {
        double value = Factor();
        while (Peek() is '*' or '/')
            value = Apply(Next(), value, Factor());
        return value;
    }

    private double Factor()
    {
        if (Peek() == '(')
        {
            Next();
            double value = Expression();
            Next();
            return value;
        }
        return Number();
    }

    private double Number()
    {
        int value = 0;
        while (IsDigit(Peek()))
            value = value * 10 + (Next() - '0');
        return value;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private char Next() => _text[_position++];

    private static double Apply(char op, double left, double right) => op switch
    {
        '+' => left + right,
        '-' => left - right,
        '*' => left * right,
        _ => left / right,
    };
}
