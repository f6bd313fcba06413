using System;
using System.Text;

namespace HybridProf.Generators.Emit;

/// <summary>Writes indented C# with <c>\n</c> line ends; <see cref="Block"/> opens braces.</summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _depth;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _depth; i++)
                _text.Append(IndentUnit);
            _text.Append(line);
        }
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c>, indents, and writes <c>}</c> when disposed.</summary>
    public IDisposable Block()
    {
        Line("{");
        _depth++;
        return new Closer(this);
    }

    /// <summary>Indents without braces (continuation lines) until disposed.</summary>
    public IDisposable Indent()
    {
        _depth++;
        return new Closer(this, brace: false);
    }

    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly bool _brace;

        public Closer(IndentedWriter writer, bool brace = true)
        {
            _writer = writer;
            _brace = brace;
        }

        public void Dispose()
        {
            _writer._depth--;
            if (_brace)
                _writer.Line("}");
        }
    }
}
